// A local endpoint that receives webhooks over plain HTTP on 127.0.0.1 (the app reaches
// it only with WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true): it keeps every request's headers
// and body and answers with the status codes it is told, 200 once it runs out of them.
import http from "node:http";

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The next answers' status codes, in order (and a Retry-After header for each, when given). */
  answer(statuses: number[], retryAfter?: string): void;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let answers: number[] = [];
  let retryAfter: string | undefined;
  const waiting = new Set<() => void>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answers.shift() ?? 200;
      response.writeHead(status, { "content-type": "text/plain", ...(retryAfter && status !== 200 && { "retry-after": retryAfter }) });
      response.end(status < 300 ? "ok" : "not now");
      for (const wake of waiting) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer(statuses, after) {
      answers = [...statuses];
      retryAfter = after;
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`expected ${count} webhooks, received ${received.length}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
