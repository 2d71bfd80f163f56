import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi-document";
import { everyExample, everySchema, openApiValidator, unresolvedRefs } from "./openapi-validator";
import { WEBHOOK_EVENTS } from "../webhooks/payloads";

const document = buildOpenApiDocument({ serverUrl: "https://letters.example.org" });

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 whose every $ref resolves and whose every schema compiles in Ajv's strict mode", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(unresolvedRefs(document)).toEqual([]);
    const validator = openApiValidator(document);
    const schemas = everySchema(document);
    expect(schemas.length).toBeGreaterThan(40);
    for (const { at, schema } of schemas) expect(() => validator.compile(schema), at).not.toThrow();
  });

  it("has an example of each webhook payload that validates against its documented schema", () => {
    const validator = openApiValidator(document);
    expect(Object.keys(document.webhooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    for (const event of WEBHOOK_EVENTS) {
      const body = (document.webhooks[event].post.requestBody as { content: Record<string, { schema: Record<string, unknown>; example: unknown }> }).content["application/json"];
      expect(body.example, event).toBeDefined();
      expect(validator.errors(body.schema, body.example), event).toEqual([]);
    }
  });

  it("has examples (requests, answers, parameters) that all fit their schemas", () => {
    const validator = openApiValidator(document);
    const examples = everyExample(document);
    expect(examples.length).toBeGreaterThan(15);
    for (const { at, schema, example } of examples) expect(validator.errors(schema, example), at).toEqual([]);
  });

  it("refuses a webhook example that leaves out a field its schema requires", () => {
    const validator = openApiValidator(document);
    const body = (document.webhooks["milestone.reached"].post.requestBody as { content: Record<string, { schema: Record<string, unknown>; example: { data: object } }> }).content["application/json"];
    const withoutTotal: Record<string, unknown> = { ...body.example.data };
    delete withoutTotal.total;
    expect(validator.errors(body.schema, { ...body.example, data: withoutTotal }).join()).toMatch(/total/);
  });
});
