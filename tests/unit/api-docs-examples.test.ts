import { describe, expect, it } from "vitest";
import { curlExample, fetchExample } from "@/app/docs/api/code-examples";
import { openApiDocument, type Operation } from "@/lib/api/openapi-document";

// The /docs/api examples are meant to be pasted: each must ask for what its section documents.

const document = openApiDocument("https://letters.example");
const operation = (path: string, method: string) => document.paths[path][method] as Operation;

describe("the API page's examples", () => {
  it("ask the home page for JSON, as its section says (without Accept it answers the HTML page)", () => {
    const home = operation("/", "get");
    expect(curlExample("https://letters.example", "get", "/", home)).toBe('curl -i "https://letters.example/" -H "Accept: application/json"');
    const js = fetchExample("https://letters.example", "get", "/", home);
    expect(js).toContain('const response = await fetch("https://letters.example/", { headers: { "Accept": "application/json" } });');
    expect(js).toContain("await response.json()");
  });

  it("leave out the headers that only make an answer conditional or change its language", () => {
    const counts = operation("/api/letters/{slug}/counts", "get");
    expect(curlExample("https://letters.example", "get", "/api/letters/{slug}/counts", counts)).not.toContain("-H");
    expect(fetchExample("https://letters.example", "get", "/api/letters/{slug}/counts", counts)).not.toContain("headers");
  });
});
