// A local stand-in for the Resend API: answers POST /emails and POST /emails/batch the
// way Resend does and keeps what it received, so tests exercise the real SDK and
// sending code end to end. It honours Idempotency-Key like Resend (a repeated key
// returns the first answer and sends nothing new) and can be told to fail or delay the
// next requests for an address. A batch (permissive validation) fails as a whole on a
// failure rule of 429 or 5xx for any of its addresses, and refuses only the message
// concerned for a 422.
//
// Control endpoints (for tests): GET /__emails?to=  GET /__requests?to=
// POST /__fail {"to","count","status"}   POST /__delay {"to","count","ms"}
import http from "node:http";
import crypto from "node:crypto";

export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string | null;
  receivedAt: string;
}

export interface StandIn {
  url: string;
  emails: ReceivedEmail[];
  /** One entry per message asked for; `batch` numbers the batch request it came in. */
  requests: { to: string[]; status: number; idempotencyKey: string | null; batch?: number }[];
  /** How many batch requests arrived. */
  batches(): number;
  failNext(to: string, count: number, status?: number): void;
  delayNext(to: string, count: number, ms: number): void;
  close(): Promise<void>;
}

type Message = { from?: string; to?: string | string[]; subject?: string; html?: string; text?: string };

const recipientsOf = (message: Message): string[] => (Array.isArray(message.to) ? message.to : message.to ? [message.to] : []);
const invalidity = (message: Message): string | null =>
  !message.from || recipientsOf(message).length === 0 || !message.subject ? "from, to and subject are required" : null;

export function startResendStandIn({ port = 0, apiKey }: { port?: number; apiKey?: string } = {}): Promise<StandIn> {
  const emails: ReceivedEmail[] = [];
  const requests: StandIn["requests"] = [];
  const answered = new Map<string, unknown>();
  const pending = new Set<string>();
  const failures = new Map<string, { count: number; status: number }>();
  const delays = new Map<string, { count: number; ms: number }>();

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

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const body = await new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (chunk) => (data += chunk));
      req.on("end", () => resolve(data));
    });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
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
    if (url.pathname === "/emails/batch") return sendBatch(Array.isArray(payload) ? payload : [], key, send);

    const message = payload as Message;
    const recipients = recipientsOf(message);
    const delay = take(delays, recipients);
    if (delay) await new Promise((r) => setTimeout(r, delay.ms));
    const failure = take(failures, recipients);
    if (failure) {
      requests.push({ to: recipients, status: failure.status, idempotencyKey: key });
      return send(failure.status, { statusCode: failure.status, name: "internal_server_error", message: "Stand-in failure" });
    }
    const invalid = invalidity(message);
    if (invalid) {
      requests.push({ to: recipients, status: 422, idempotencyKey: key });
      return send(422, { statusCode: 422, name: "validation_error", message: invalid });
    }
    requests.push({ to: recipients, status: 200, idempotencyKey: key });
    if (key && answered.has(key)) return send(200, answered.get(key));
    const answer = { id: keep(message, key) };
    if (key) answered.set(key, answer);
    return send(200, answer);
  });

  let batchCount = 0;
  async function sendBatch(messages: Message[], key: string | null, send: (status: number, payload: unknown) => void) {
    const batch = ++batchCount;
    const recordAll = (status: number) => {
      for (const m of messages) requests.push({ to: recipientsOf(m), status, idempotencyKey: key, batch });
    };
    const all = messages.flatMap(recipientsOf);
    const delay = take(delays, all);
    if (delay) {
      if (key) pending.add(key);
      await new Promise((r) => setTimeout(r, delay.ms));
      if (key) pending.delete(key);
    }
    // An outage (429, 5xx) refuses the whole request; a 422 rule refuses one message.
    const rules = messages.map((m) => take(failures, recipientsOf(m)));
    const outage = rules.find((rule) => rule && rule.status !== 422);
    if (outage) {
      recordAll(outage.status);
      return send(outage.status, { statusCode: outage.status, name: "internal_server_error", message: "Stand-in failure" });
    }
    if (key && pending.has(key)) {
      recordAll(409);
      return send(409, { statusCode: 409, name: "concurrent_idempotent_requests", message: "Same key still in progress" });
    }
    if (key && answered.has(key)) {
      recordAll(200);
      return send(200, answered.get(key));
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
    if (key) answered.set(key, answer);
    return send(200, answer);
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
        failNext: (to, count, status = 500) => failures.set(to.toLowerCase(), { count, status }),
        delayNext: (to, count, ms) => delays.set(to.toLowerCase(), { count, ms }),
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.filename === process.argv[1]) {
  const port = Number(process.env.STAND_IN_PORT ?? 3901);
  const standIn = await startResendStandIn({ port, apiKey: process.env.RESEND_API_KEY });
  console.log(`Resend stand-in listening on ${standIn.url}`);
}
