import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { resolveDatabaseUrl } from "./database-url";
import { parseTrustedProxies } from "./http/trusted-proxies.mjs";

// Configuration, read once and validated with zod. A bad value stops the app with a
// message naming the variable (see ../shared/DESIGN.md, "Configuration").

const emailList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email({ message: "must be a comma-separated list of email addresses" })));

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const days = () =>
  z.coerce
    .number({ message: "must be a whole number of days, 1 or more" })
    .int("must be a whole number of days, 1 or more")
    .min(1, "must be a whole number of days, 1 or more")
    .max(36_500, "must be at most 36500 days")
    .default(30);

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => resolveDatabaseUrl(value))
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must be a file: path for SQLite or a postgresql:// URL",
    })
    // Checked without echoing it: the value holds the password.
    .refine((url) => url.startsWith("file:") || URL.canParse(url), {
      message: "is not a valid URL: percent-encode special characters in the user and password (# as %23, / as %2F, @ as %40)",
    }),
  APP_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://letters.example.org" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(), // unset: this machine at PORT (see below)
  // The address to listen on; unset, every interface. Behind a load balancer on the same
  // machine, 127.0.0.1 keeps clients from reaching a process (and its X-Forwarded-For) directly.
  HOST: optional(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, { message: "must be an address such as 127.0.0.1 or ::1" })),
  // Which proxies' X-Forwarded-For to believe (scripts/server.mjs): unset, none.
  TRUSTED_PROXIES: optional(
    z.string().superRefine((value, context) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  ),
  // The local mailbox page (/dev/mail) outside development: "on" opens it, to loopback clients only.
  LOCAL_MAILBOX: optional(z.enum(["on", "off"], { message: 'must be "on" or "off"' })),
  // Webhooks to private, loopback and link-local addresses, and over plain http:, for tests
  // and intranets; unset, only https: to public addresses (lib/webhooks/safe-target.ts).
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z
    .preprocess((value) => (value === "" ? undefined : value), z.enum(["true", "false"], { message: 'must be "true" or "false"' }).optional())
    .transform((value) => value === "true"),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  ADMIN_EMAILS: z.preprocess((value) => value ?? "", emailList),
  RESEND_API_KEY: optional(z.string().min(1)),
  RESEND_BASE_URL: optional(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" })),
  EMAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
      message: 'must be an address such as letters@example.org or "Open Letters <letters@example.org>"',
    })
    .default("Open Letters <letters@localhost>"),
  // Doubling from 2 s to 30 min, jittered: 80 attempts span 26 to 35 hours (lib/email/retry-schedule.ts).
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).default(2000),
  OUTBOX_RETRY_MAX_DELAY_MS: z.coerce.number().int().min(10).default(30 * 60 * 1000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(80),
  SIGN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  // How long lib/retention/ keeps unconfirmed signatures and network-address hashes (README, "Privacy").
  RETENTION_UNCONFIRMED_DAYS: days(),
  RETENTION_NETWORK_DAYS: days(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
})
  // Links in emails must reach the app: without APP_URL, that is this machine at PORT.
  .transform(({ APP_URL, ...env }) => ({ ...env, APP_URL: APP_URL ?? `http://localhost:${env.PORT}` }));

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string };

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  // An empty variable (PORT=) means "not set": the default applies.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** The directory holding the SQLite file and generated secrets. */
export const dataDir = path.resolve(process.cwd(), "data");

/** AUTH_SECRET from the environment, else one generated on first start and kept in data/. */
function authSecret(fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env);
    cached = { ...parsed, AUTH_SECRET: authSecret(parsed.AUTH_SECRET) };
    // Auth.js builds its callback and redirect URLs from AUTH_URL: pin them to APP_URL
    // rather than to whatever Host header a request carries.
    process.env.AUTH_URL ??= `${cached.APP_URL}/api/auth`;
  }
  return cached;
}

/** Mail goes to the local mailbox (log and /dev/mail) when no Resend key is configured. */
export function usesLocalMailbox(env: Env = getEnv()): boolean {
  return !env.RESEND_API_KEY;
}

/**
 * The local mailbox page (/dev/mail) shows every message the app would have sent,
 * confirmation and sign-in links included, so it is open only when no Resend key is set,
 * in development or with LOCAL_MAILBOX=on, and then only to a client on this machine
 * (by the connection's address, see lib/http/client-address.ts).
 */
export function devMailboxEnabled(clientIsLoopback: boolean, env: Env = getEnv()): boolean {
  const wanted = env.LOCAL_MAILBOX === "on" || (env.NODE_ENV === "development" && env.LOCAL_MAILBOX !== "off");
  return usesLocalMailbox(env) && wanted && clientIsLoopback;
}
