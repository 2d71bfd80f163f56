import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

/** The ConfigError parseEnv throws for a source (fails the test if it does not throw). */
function configError(source: Record<string, string>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv: defaults", () => {
  it("fills in every default from an empty environment", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe(`file:${path.resolve(process.cwd(), "data", "open-letters.db")}`);
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.EMAIL_FROM).toMatch(/@/);
  });

  it("puts the default SQLite file under data/ and makes relative paths absolute", () => {
    const file = parseEnv({}).DATABASE_URL.slice("file:".length);
    expect(path.isAbsolute(file)).toBe(true);
    expect(path.basename(path.dirname(file))).toBe("data");
    expect(parseEnv({ DATABASE_URL: "file:./x/y.db" }).DATABASE_URL).toBe(`file:${path.resolve(process.cwd(), "x/y.db")}`);
  });

  it("points APP_URL at this machine's PORT when it is not set", () => {
    expect(parseEnv({ PORT: "3470" }).APP_URL).toBe("http://localhost:3470");
    expect(parseEnv({ PORT: "3470", APP_URL: "https://letters.example.org" }).APP_URL).toBe("https://letters.example.org");
  });

  it("reads given values: PORT as a number, APP_URL without a trailing slash, ADMIN_EMAILS as a lower-case list", () => {
    const env = parseEnv({ PORT: "8080", APP_URL: "https://letters.example.org/", ADMIN_EMAILS: " Ada@Example.org, bob@example.org ,," });
    expect(env.PORT).toBe(8080);
    expect(env.APP_URL).toBe("https://letters.example.org");
    expect(env.ADMIN_EMAILS).toEqual(["ada@example.org", "bob@example.org"]);
  });

  it("treats an empty variable as unset, so its default applies", () => {
    const env = parseEnv({ PORT: "", APP_URL: " ", EMAIL_FROM: "" });
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.EMAIL_FROM).toContain("@");
  });

  it("treats an empty RESEND_API_KEY as unset (local mailbox)", () => {
    expect(parseEnv({ RESEND_API_KEY: "" }).RESEND_API_KEY).toBeUndefined();
  });

  it("keeps unconfirmed signatures and network hashes 30 days unless told otherwise", () => {
    expect(parseEnv({})).toMatchObject({ RETENTION_UNCONFIRMED_DAYS: 30, RETENTION_NETWORK_DAYS: 30 });
    expect(parseEnv({ RETENTION_UNCONFIRMED_DAYS: "14", RETENTION_NETWORK_DAYS: "90" })).toMatchObject({
      RETENTION_UNCONFIRMED_DAYS: 14,
      RETENTION_NETWORK_DAYS: 90,
    });
  });
});

describe("parseEnv: bad values stop the app with a message naming the variable", () => {
  it.each(["abc", "70000", "0", "80.5"])("PORT=%j", (PORT) => {
    expect(configError({ PORT }).message).toMatch(/\bPORT\b/);
  });

  it.each(["RETENTION_UNCONFIRMED_DAYS", "RETENTION_NETWORK_DAYS"].flatMap((name) => ["0", "-3", "1.5", "a month"].map((value) => [name, value])))(
    "%s=%j",
    (name, value) => {
      expect(configError({ [name]: value }).message).toContain(`${name}: must be a whole number of days, 1 or more`);
    },
  );

  it.each(["ftp://x", "not a url"])("APP_URL=%j", (APP_URL) => {
    expect(configError({ APP_URL }).message).toMatch(/\bAPP_URL\b/);
  });

  it("ADMIN_EMAILS with an entry that is not an address", () => {
    const { message } = configError({ ADMIN_EMAILS: "a@b.org, nope" });
    expect(message).toContain("ADMIN_EMAILS");
    expect(message).toContain("comma-separated list of email addresses");
  });

  it("names every bad variable at once", () => {
    const { message } = configError({ PORT: "abc", APP_URL: "not a url" });
    expect(message).toContain("PORT");
    expect(message).toContain("APP_URL");
  });

  it("rejects a database URL that is neither SQLite nor PostgreSQL", () => {
    const { message } = configError({ DATABASE_URL: "mysql://x" });
    expect(message).toContain("DATABASE_URL");
    expect(message).not.toMatch(/\bPORT\b|APP_URL/);
  });
});

describe("parseEnv: PostgreSQL", () => {
  it.each(["postgresql://user:pw@db.internal:5432/letters", "postgres://db/letters"])("accepts %s unchanged", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("says how to write a password with special characters, without repeating it", () => {
    const { message } = configError({ DATABASE_URL: "postgresql://letters:se#cret@127.0.0.1:5432/letters" });
    expect(message).toContain("DATABASE_URL: is not a valid URL: percent-encode");
    expect(message).not.toContain("se#cret");
  });

  it("takes HOST, the address to listen on", () => {
    expect(parseEnv({ HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
    expect(configError({ HOST: "127.0.0.1; rm -rf /" }).message).toContain("HOST");
  });
});
