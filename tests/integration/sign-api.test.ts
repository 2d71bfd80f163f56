import { beforeAll, describe, expect, it } from "vitest";
import { GET, OPTIONS, POST } from "@/app/api/letters/[slug]/signatures/route";
import { configureDatabase, db } from "@/lib/db";
import { JSON_BODY_MAX_BYTES } from "@/lib/http/json-body";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/trusted-proxies.mjs";
import { createLetter, individual } from "../support/factories";

// POST /api/letters/{slug}/signatures as a hostile client would call it: oversized
// bodies, bodies whose length is hidden or lies, and bodies another site's page could
// make a visitor's browser send without a preflight.

beforeAll(() => configureDatabase());

let slug = "";
let letterId = "";
beforeAll(async () => {
  ({ slug, id: letterId } = await createLetter());
});

let n = 0;
const url = () => `http://letters.test/api/letters/${slug}/signatures`;
const context = () => ({ params: Promise.resolve({ slug }) });
const clientHeaders = () => ({ [CLIENT_ADDRESS_HEADER]: `198.51.100.${++n % 250}` });

/** A body of `total` bytes in 1 KB chunks, made only as it is read; `pulled` says how much was. */
function meteredBody(total: number) {
  const chunk = new TextEncoder().encode(`{"name":"${"x".repeat(1024 - 10)}",`);
  const meter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (meter.pulled >= total) return controller.close();
        meter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, meter };
}

function post(body: BodyInit | null, headers: Record<string, string>) {
  return POST(new Request(url(), { method: "POST", headers: { ...clientHeaders(), ...headers }, body, duplex: "half" } as RequestInit), context());
}

async function signaturesStored() {
  return db.signature.count({ where: { letterId } });
}

describe("POST .../signatures: the size of the body", () => {
  it("refuses a body declared larger than 16 KB with 413 before reading any of it", async () => {
    const { stream, meter } = meteredBody(1024 * 1024);
    const response = await post(stream, { "content-type": "application/json", "content-length": String(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "body_too_large", message: "The request body is too large: it may be at most 16 KB." },
    });
    expect(meter.pulled).toBe(0);
  });

  it("stops reading at 16 KB when the body's length is not declared (chunked)", async () => {
    const { stream, meter } = meteredBody(1024 * 1024);
    const response = await post(stream, { "content-type": "application/json" });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("body_too_large");
    expect(meter.pulled).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + 2 * 1024);
  });

  it("stops reading at 16 KB when the declared length lies", async () => {
    const { stream, meter } = meteredBody(1024 * 1024);
    const response = await post(stream, { "content-type": "application/json", "content-length": "200" });
    expect(response.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + 2 * 1024);
  });

  it("takes a signature of any reasonable size, up to the cap", async () => {
    const before = await signaturesStored();
    const body = JSON.stringify(individual({ name: "Ada Lovelace", comment: "Long comment. ".repeat(70) }));
    const padded = body.slice(0, -1) + `,"padding":"${" ".repeat(JSON_BODY_MAX_BYTES - body.length - 20)}"}`;
    expect(new TextEncoder().encode(padded).byteLength).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES);
    const response = await post(padded, { "content-type": "application/json; charset=utf-8" });
    expect(response.status, await response.clone().text()).toBe(202);
    expect(await signaturesStored()).toBe(before + 1);
  });
});

describe("POST .../signatures: only JSON", () => {
  const fields = () => individual();

  it.each([
    ["a form, as any page can post one", "application/x-www-form-urlencoded", (f: Record<string, unknown>) => new URLSearchParams(f as Record<string, string>).toString()],
    ["text/plain holding JSON, which needs no preflight either", "text/plain", (f: Record<string, unknown>) => JSON.stringify(f)],
    ["multipart form data", "multipart/form-data; boundary=x", (f: Record<string, unknown>) => `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n${f.name}\r\n--x--`],
    ["JSON under a look-alike type", "application/jsonp", (f: Record<string, unknown>) => JSON.stringify(f)],
  ])("refuses %s with 415 and stores nothing", async (_what, contentType, encode) => {
    const before = await signaturesStored();
    const response = await post(encode(fields()), { "content-type": contentType });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: "unsupported_media_type", message: "Send the request body as JSON, with the header Content-Type: application/json." },
    });
    expect(await signaturesStored()).toBe(before);
  });

  it("refuses a body without a Content-Type with 415", async () => {
    const response = await post(new TextEncoder().encode(JSON.stringify(fields())), {});
    expect(response.status).toBe(415);
  });

  it("takes JSON whatever the case of its type and with a charset", async () => {
    const response = await post(JSON.stringify(fields()), { "content-type": "Application/JSON; charset=UTF-8" });
    expect(response.status).toBe(202);
  });

  it("answers 400 for JSON that does not parse, is not an object, or is not UTF-8", async () => {
    for (const body of ["{", "[1,2]", "null", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])]) {
      const response = await post(body, { "content-type": "application/json" });
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_json");
    }
  });
});

describe("POST .../signatures: CORS", () => {
  it("answers a signing without CORS headers, errors included, so another site's page cannot read it", async () => {
    const accepted = await post(JSON.stringify(individual()), { "content-type": "application/json", origin: "https://elsewhere.example" });
    expect(accepted.status).toBe(202);
    const refused = await post("name=x", { "content-type": "text/plain", origin: "https://elsewhere.example" });
    expect(refused.status).toBe(415);
    for (const response of [accepted, refused]) {
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-expose-headers")).toBeNull();
    }
  });

  it("grants other sites reading and revalidating in a preflight, but not sending JSON", async () => {
    const preflight = OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).not.toMatch(/POST/);
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toBe("if-none-match");
  });

  it("keeps the public list readable from any origin", async () => {
    const response = await GET(new Request(url(), { headers: { origin: "https://elsewhere.example" } }), context());
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("POST .../signatures: text no database can store", () => {
  it("answers 422 naming the field for half of a broken UTF-16 pair, and stores nothing", async () => {
    const before = await signaturesStored();
    // JSON can carry a lone surrogate as an escape; it decodes to no character at all.
    const body = JSON.stringify({ ...individual(), name: "Ada Lovelace" }).replace("Lovelace", "Lovelace\\ud800");
    const answer = await post(body, { "content-type": "application/json" });
    expect(answer.status).toBe(422);
    expect((await answer.json()).error.fields.name).toEqual(["Name contains a broken character (half of an encoded pair) (U+D800), which is not allowed."]);
    expect(await signaturesStored()).toBe(before);
  });
});
