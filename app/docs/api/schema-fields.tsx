import type { JsonSchema, OpenApiDocument } from "@/lib/api/openapi-document";
import { InlineCode } from "./inline-code";

// A JSON Schema from the API document, read out as a list of fields: name, type, whether
// it is required, what it means and its limits. Nested objects and lists of objects are
// nested lists.

type Schema = JsonSchema & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: Schema | boolean;
};

export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return (document.components.schemas[name] ?? {}) as Schema;
}

/** "string or null" for a nullable field, and the one variant that is not null. */
function withoutNull(document: OpenApiDocument, schema: Schema): { schema: Schema; nullable: boolean } {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const others = variants.filter((v) => v.type !== "null");
    if (others.length === 1 && others.length < variants.length) return { schema: resolve(document, others[0]), nullable: true };
  }
  return { schema, nullable: false };
}

function typeLabel(document: OpenApiDocument, raw: Schema): string {
  const { schema, nullable } = withoutNull(document, resolve(document, raw));
  let label: string;
  if (schema.const !== undefined) label = JSON.stringify(schema.const);
  else if (schema.enum) label = schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  else if (schema.type === "array") label = `list of ${schema.items ? typeLabel(document, schema.items) : "values"}`;
  else if (Array.isArray(schema.type)) label = schema.type.join(" | ");
  else if (schema.type === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
    label = `object of ${typeLabel(document, schema.additionalProperties)}`;
  } else label = schema.format ? `${schema.type} (${schema.format})` : (schema.type ?? "any");
  return nullable ? `${label} | null` : label;
}

function limits(schema: Schema): string | null {
  const parts: string[] = [];
  if (schema.minLength !== undefined && schema.minLength > 0) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  return parts.length ? parts.join(", ") : null;
}

export function SchemaFields({ document, schema: raw }: { document: OpenApiDocument; schema: Schema }) {
  const schema = resolve(document, raw);
  if (schema.oneOf && schema.oneOf.every((v) => resolve(document, v).type === "object")) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-stone-700">One of:</p>
        {schema.oneOf.map((variant, i) => {
          const resolved = resolve(document, variant);
          const tag = Object.entries(resolved.properties ?? {}).find(([, p]) => p.const !== undefined);
          return (
            <div key={i} className="rounded-md border border-stone-200 p-3">
              <p className="text-sm font-medium text-stone-900">
                {tag ? (
                  <>
                    With <code>{`${tag[0]}: ${JSON.stringify(tag[1].const)}`}</code>
                  </>
                ) : (
                  `Variant ${i + 1}`
                )}
              </p>
              <SchemaFields document={document} schema={resolved} />
            </div>
          );
        })}
      </div>
    );
  }
  if (schema.type === "array" && schema.items) {
    const items = resolve(document, schema.items);
    return (
      <div>
        <p className="text-sm text-stone-700">
          A list{schema.description ? <>: <InlineCode text={schema.description} /></> : "."} Each item:
        </p>
        <SchemaFields document={document} schema={items} />
      </div>
    );
  }
  if (!schema.properties) return <p className="text-sm text-stone-700">{typeLabel(document, schema)}</p>;
  const required = new Set(schema.required ?? []);
  return (
    <ul className="mt-2 divide-y divide-stone-100 rounded-md border border-stone-200 text-sm">
      {Object.entries(schema.properties).map(([name, property]) => {
        const { schema: inner } = withoutNull(document, resolve(document, property));
        const nested = inner.type === "object" && inner.properties ? inner : inner.type === "array" && inner.items && resolve(document, inner.items).properties ? resolve(document, inner.items) : null;
        const description = property.description ?? inner.description;
        const limit = limits(inner);
        return (
          <li key={name} className="px-3 py-2">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-semibold text-stone-900">{name}</code>
              <span className="text-stone-600">{typeLabel(document, property)}</span>
              <span className={required.has(name) ? "text-xs font-medium text-amber-800" : "text-xs text-stone-600"}>
                {required.has(name) ? "required" : "optional"}
              </span>
            </p>
            {description ? (
              <p className="mt-1 text-stone-700">
                <InlineCode text={description} />
              </p>
            ) : null}
            {limit ? <p className="mt-1 text-stone-600">{limit}</p> : null}
            {nested ? (
              <div className="mt-2 ps-3">
                <SchemaFields document={document} schema={nested} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
