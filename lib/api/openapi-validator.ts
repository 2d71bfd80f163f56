import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { JsonSchema, OpenApiDocument } from "./openapi-document";

// For tests only (ajv is a development dependency): checks an OpenAPI 3.1 document as
// a whole (every $ref resolves, every schema compiles in Ajv's strict mode) and
// validates bodies and examples against it. Its schemas are JSON Schema 2020-12, plus
// the OpenAPI dialect's own keywords (`example` and friends); `type: [...]` is allowed (zod writes a union of primitives so).

const OPENAPI_KEYWORDS = ["example", "discriminator", "xml", "externalDocs"];
const COMPONENT_ID = "https://openapi.invalid/components/schemas/";

/** Every `$ref` in the document that points at nothing in it. */
export function unresolvedRefs(document: unknown): string[] {
  const missing: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && resolvePointer(document, value) === undefined) missing.push(value);
      else visit(value);
    }
  };
  visit(document);
  return missing;
}

/** The value a local reference (`#/a/b~1c`) points at, or undefined. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The document's refs to its components, as Ajv's ids for them (the document itself is not a schema). */
function withComponentIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withComponentIds);
  if (schema === null || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? [key, COMPONENT_ID + value.slice("#/components/schemas/".length)]
        : [key, withComponentIds(value)],
    ),
  );
}

export function openApiValidator(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  for (const [name, schema] of Object.entries(document.components.schemas)) {
    ajv.addSchema(withComponentIds(schema) as object, COMPONENT_ID + name);
  }
  const compiled = new Map<unknown, ValidateFunction>();
  const compile = (schema: JsonSchema): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(withComponentIds(schema) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };
  return {
    compile,
    /** Ajv's complaints about `data` against `schema`, or [] when it fits. */
    errors(schema: JsonSchema, data: unknown): string[] {
      const validate = compile(schema);
      return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}

/** Every schema in the document with where it is, for compiling them all. */
export function everySchema(document: OpenApiDocument): { at: string; schema: JsonSchema }[] {
  const found: { at: string; schema: JsonSchema }[] = [];
  const visit = (node: unknown, at: string) => {
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "schema" && value && typeof value === "object") found.push({ at: `${at}/schema`, schema: value as JsonSchema });
      else if (at !== "#/components" || key !== "schemas") visit(value, `${at}/${key}`);
    }
  };
  visit(document, "#");
  for (const [name, schema] of Object.entries(document.components.schemas)) found.push({ at: `#/components/schemas/${name}`, schema });
  return found;
}

/** Every example in the document beside the schema it shows: `{ schema, example }` of parameters, media types and bodies. */
export function everyExample(document: OpenApiDocument): { at: string; schema: JsonSchema; example: unknown }[] {
  const found: { at: string; schema: JsonSchema; example: unknown }[] = [];
  const visit = (node: unknown, at: string) => {
    if (node === null || typeof node !== "object") return;
    const holder = node as { schema?: JsonSchema; example?: unknown };
    if (holder.schema && "example" in holder) found.push({ at, schema: holder.schema, example: holder.example });
    for (const [key, value] of Object.entries(node)) if (key !== "schema") visit(value, `${at}/${key}`);
  };
  visit(document, "#");
  return found;
}
