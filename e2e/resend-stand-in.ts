// A local stand-in for the Resend API: answers POST /emails and POST /emails/batch the
// way Resend does and keeps what it received, so tests exercise the real SDK and
// sending code end to end. It honours Idempotency-Key like Resend: a repeated key with
// the same body returns the first answer and sends nothing new; with another body it is
// refused (409 invalid_idempotent_request). It can be told to fail, delay or lose the
// answer to the next requests for an address. A batch (permissive validation) fails as
// a whole on a failure rule of 429 or 5xx for any of its addresses, and refuses only
// the message concerned for a 422. A delayed or lost answer is the answer to a request
// handled on arrival (the messages went): the case an idempotency key is for. An outage
// refuses every request until it ends; a refusal may carry Retry-After.
//
// Control endpoints (for tests): GET /__emails?to=  GET /__requests?to=
// POST /__fail {"to","count","status"}   POST /__delay {"to","count","ms"}   POST /__drop {"to","count"}
import http from "node:http";
import crypto from "node:crypto";

export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** The message's extra headers (List-Unsubscribe, ...), as the SDK sent them. */
  headers: Record<string, string>;
  idempotencyKey: string | null;
  receivedAt: string;
}

export interface StandIn {
  url: string;
  emails: ReceivedEmail[];
  /**
   * One entry per message asked for; `batch` numbers the batch request it came in, and
   * `lost` marks a request whose answer was never given.
   */
  requests: { to: string[]; status: number; idempotencyKey: string | null; batch?: number; lost?: true }[];
  /** How many batch requests arrived. */
  batches(): number;
  failNext(to: string, count: number, status?: number, options?: { retryAfterSeconds?: number }): void;
  /** Refuses every request with `status` (and Retry-After, when given) until called with null. */
  outage(rule: { status: number; retryAfterSeconds?: number } | null): void;
  /** Handles the next requests for `to` at once but answers them `ms` later. */
  delayNext(to: string, count: number, ms: number): void;
  /** Handles the next requests for `to` and closes the connection without an answer. */
  dropNext(to: string, count: number): void;
  close(): Promise<void>;
}

type Message = { from?: string; to?: string | string[]; subject?: string; html?: string; text?: string; headers?: Record<string, string> | null };
type Answer = [status: number, body: unknown, headers?: Record<string, string>];
type Failure = { status: number; retryAfterSeconds?: number };

const recipientsOf = (message: Message): string[] => (Array.isArray(message.to) ? message.to : message.to ? [message.to] : []);
const invalidity = (message: Message): string | null =>
  !message.from || recipientsOf(message).length === 0 || !message.subject ? "from, to and subject are required" : null;
const providerFailure = ({ status, retryAfterSeconds }: Failure): Answer => [
  status,
  { statusCode: status, name: status === 429 ? "rate_limit_exceeded" : "internal_server_error", message: "Stand-in failure" },
  retryAfterSeconds === undefined ? undefined : { "Retry-After": String(retryAfterSeconds) },
];

export function startResendStandIn({ port = 0, apiKey }: { port?: number; apiKey?: string } = {}): Promise<StandIn> {
  const emails: ReceivedEmail[] = [];
  const requests: StandIn["requests"] = [];
  /** Each key's first request (path and body) and the answer it got. */
  const answered = new Map<string, { request: string; answer: unknown }>();
  const failures = new Map<string, { count: number } & Failure>();
  let outage: Failure | null = null;
  const delays = new Map<string, { count: number; ms: number }>();
  const drops = new Map<string, { count: number }>();
  const timers = new Set<NodeJS.Timeout>();

  const take = <T extends { count: number }>(rules: Map<string, T>, to: string[]): T | undefined => {
    for (const address of to) {
      const rule = rules.get(address.toLowerCase());
      if (rule && rule.count > 0) {
        rule.count -= 1;
        return rule;
      }
    }
    return undefined;
  };

  /** The first answer to a repeated key, or Resend's refusal when the request differs. */
  const replay = (key: string | null, request: string): Answer | null => {
    const first = key ? answered.get(key) : undefined;
    if (!first) return null;
    if (first.request !== request) {
      return [409, { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload" }];
    }
    return [200, first.answer];
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const body = await new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (chunk) => (data += chunk));
      req.on("end", () => resolve(data));
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(payload));
    };
    const to = url.searchParams.get("to")?.toLowerCase();

    if (req.method === "GET" && url.pathname === "/__emails") {
      return send(200, emails.filter((e) => !to || e.to.some((t) => t.toLowerCase() === to)));
    }
    if (req.method === "GET" && url.pathname === "/__requests") {
      return send(200, requests.filter((r) => !to || r.to.some((t) => t.toLowerCase() === to)));
    }
    if (req.method === "POST" && url.pathname === "/__fail") {
      const rule = JSON.parse(body);
      failures.set(String(rule.to).toLowerCase(), { count: Number(rule.count), status: Number(rule.status ?? 500) });
      return send(200, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/__delay") {
      const rule = JSON.parse(body);
      delays.set(String(rule.to).toLowerCase(), { count: Number(rule.count), ms: Number(rule.ms) });
      return send(200, { ok: true });
    }
    if (req.method === "POST" && url.pathname === "/__drop") {
      const rule = JSON.parse(body);
      drops.set(String(rule.to).toLowerCase(), { count: Number(rule.count) });
      return send(200, { ok: true });
    }
    if (req.method !== "POST" || (url.pathname !== "/emails" && url.pathname !== "/emails/batch")) {
      return send(404, { statusCode: 404, name: "not_found", message: "Not found" });
    }

    if (apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(401, { statusCode: 401, name: "missing_api_key", message: "Missing or wrong API key" });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(422, { statusCode: 422, name: "validation_error", message: "Body is not JSON" });
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const request = `${url.pathname} ${JSON.stringify(payload)}`;
    const messages = url.pathname === "/emails/batch" ? (Array.isArray(payload) ? (payload as Message[]) : []) : [payload as Message];
    const recipients = messages.flatMap(recipientsOf);
    const delay = take(delays, recipients);
    const drop = take(drops, recipients);
    const first = requests.length;
    const [status, answer, headers] = url.pathname === "/emails/batch" ? answerBatch(messages, key, request) : answerOne(messages[0], key, request);
    if (delay) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, delay.ms);
        timers.add(timer);
      });
    }
    if (drop) {
      for (const entry of requests.slice(first)) entry.lost = true;
      return req.socket.destroy();
    }
    return send(status, answer, headers);
  });

  function answerOne(message: Message, key: string | null, request: string): Answer {
    const recipients = recipientsOf(message);
    const answer = (status: number, body: unknown, headers?: Record<string, string>): Answer => {
      requests.push({ to: recipients, status, idempotencyKey: key });
      return [status, body, headers];
    };
    const failure = outage ?? take(failures, recipients);
    if (failure) return answer(...providerFailure(failure));
    const invalid = invalidity(message);
    if (invalid) return answer(422, { statusCode: 422, name: "validation_error", message: invalid });
    const repeated = replay(key, request);
    if (repeated) return answer(...repeated);
    const sent = { id: keep(message, key) };
    if (key) answered.set(key, { request, answer: sent });
    return answer(200, sent);
  }

  let batchCount = 0;
  function answerBatch(messages: Message[], key: string | null, request: string): Answer {
    const batch = ++batchCount;
    const recordAll = (status: number) => {
      for (const m of messages) requests.push({ to: recipientsOf(m), status, idempotencyKey: key, batch });
    };
    // An outage (429, 5xx) refuses the whole request; a 422 rule refuses one message.
    const rules = messages.map((m) => take(failures, recipientsOf(m)));
    const refusal = outage ?? rules.find((rule) => rule && rule.status !== 422);
    if (refusal) {
      recordAll(refusal.status);
      return providerFailure(refusal);
    }
    const repeated = replay(key, request);
    if (repeated) {
      recordAll(repeated[0]);
      return repeated;
    }
    const data: { id: string }[] = [];
    const errors: { index: number; message: string }[] = [];
    messages.forEach((message, index) => {
      const invalid = rules[index] ? "Stand-in refusal" : invalidity(message);
      requests.push({ to: recipientsOf(message), status: invalid ? 422 : 200, idempotencyKey: key, batch });
      if (invalid) errors.push({ index, message: invalid });
      else data.push({ id: keep(message, key) });
    });
    const answer = { data, errors };
    if (key) answered.set(key, { request, answer });
    return [200, answer];
  }

  function keep(message: Message, key: string | null): string {
    const id = crypto.randomUUID();
    emails.push({
      id,
      from: message.from!,
      to: recipientsOf(message),
      subject: message.subject!,
      html: message.html ?? "",
      text: message.text ?? "",
      headers: message.headers ?? {},
      idempotencyKey: key,
      receivedAt: new Date().toISOString(),
    });
    return id;
  }

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        emails,
        requests,
        batches: () => batchCount,
        failNext: (to, count, status = 500, { retryAfterSeconds } = {}) => failures.set(to.toLowerCase(), { count, status, retryAfterSeconds }),
        outage: (rule) => (outage = rule),
        delayNext: (to, count, ms) => delays.set(to.toLowerCase(), { count, ms }),
        dropNext: (to, count) => drops.set(to.toLowerCase(), { count }),
        close: () => {
          for (const timer of timers) clearTimeout(timer);
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

if (import.meta.filename === process.argv[1]) {
  const port = Number(process.env.STAND_IN_PORT ?? 3901);
  const standIn = await startResendStandIn({ port, apiKey: process.env.RESEND_API_KEY });
  console.log(`Resend stand-in listening on ${standIn.url}`);
}
