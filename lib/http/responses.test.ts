import { afterEach, describe, expect, it, vi } from "vitest";
import { signatureInputSchema } from "../validation/signature";
import { AppError, letterNotFound } from "./app-error";
import { cachedJson, errorResponse, route } from "./responses";

const body = { slug: "a-letter", total: 3 };
const get = (headers: Record<string, string> = {}) => new Request("http://letters.test/api/letters/a-letter/counts", { headers });

describe("cachedJson", () => {
  it("answers 200 with the JSON body, an ETag, Cache-Control and CORS for any origin", async () => {
    const response = cachedJson(get(), body, "public, max-age=5");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(body);
    expect(response.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=5");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  });

  it("gives the same ETag to the same body and a different one to a different body", () => {
    const a = cachedJson(get(), body, "no-cache").headers.get("ETag");
    expect(cachedJson(get(), { ...body }, "no-cache").headers.get("ETag")).toBe(a);
    expect(cachedJson(get(), { ...body, total: 4 }, "no-cache").headers.get("ETag")).not.toBe(a);
  });

  describe("If-None-Match", () => {
    const etag = cachedJson(get(), body, "no-cache").headers.get("ETag")!;

    it.each([
      ["the ETag itself", () => etag],
      ["a weak W/ form", () => `W/${etag}`],
      ["a list holding it", () => `"other", ${etag} , "third"`],
    ])("answers 304 without a body for %s", async (_label, header) => {
      const response = cachedJson(get({ "If-None-Match": header() }), body, "public, max-age=5");
      expect(response.status).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("ETag")).toBe(etag);
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=5");
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    });

    it("answers 200 when the ETag does not match", async () => {
      const response = cachedJson(get({ "If-None-Match": '"stale", W/"older"' }), body, "no-cache");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(body);
    });
  });
});

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("turns a ZodError into 422 invalid_input with field errors", async () => {
    const result = signatureInputSchema.safeParse({ kind: "individual", name: "=x", email: "nope", country: "ZZ", listPublicly: true, consent: true });
    const response = errorResponse(result.error);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(typeof error.message).toBe("string");
    expect(Object.keys(error.fields).sort()).toEqual(["country", "email", "name"]);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("turns an AppError into its status, code, message, fields and headers", async () => {
    const response = errorResponse(
      new AppError("rate_limited", 429, { values: { unit: "minutes", count: 1 }, fields: { email: ["Slow down."] }, headers: { "Retry-After": "60" } }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(await response.json()).toEqual({
      error: { code: "rate_limited", message: "Too many attempts. Please wait 1 minute and try again.", fields: { email: ["Slow down."] } },
    });
  });

  it("leaves fields out of an AppError without them", async () => {
    const response = errorResponse(new AppError("letter_not_found", 404));
    expect(response.status).toBe(404);
    expect((await response.json()).error).toEqual({ code: "letter_not_found", message: "There is no letter at this address." });
  });

  it("turns any other error into a generic 500 that does not leak its message", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("SQLITE_BUSY at /srv/secret/path.db password=hunter2"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/SQLITE|secret|hunter2/);
    expect(JSON.parse(text).error.code).toBe("internal_error");
    expect(logged).toHaveBeenCalled();
  });
});

describe("route", () => {
  it("says that an error's answer varies by Accept-Language, as its words do", async () => {
    const answer = route(async (_request: Request) => {
      throw letterNotFound();
    });
    const response = await answer(get());
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe("There is no letter at this address.");
    expect(response.headers.get("Vary")).toContain("Accept-Language");
  });
});

describe("errorResponse when the database cannot be reached", () => {
  // As PostgreSQL's driver adapter and pool report a stopped or unreachable server.
  const unreachable = [
    Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), {
      code: "P1001",
      meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } },
    }),
    Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }),
    new Error("Connection terminated unexpectedly"),
    new Error("timeout exceeded when trying to connect"),
  ];

  it.each(unreachable.map((error) => [error.message, error]))("answers 503 with Retry-After and a clear body: %s", async (_message, error) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    const body = await response.json();
    expect(body.error.code).toBe("database_unavailable");
    expect(body.error.message).toMatch(/try again/);
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
    expect(console.error).not.toHaveBeenCalled();
  });

  it("still answers 500 to a query that failed for another reason", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }));
    expect(response.status).toBe(500);
  });
});
