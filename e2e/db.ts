import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import Database from "better-sqlite3";
import { E2E_DATABASE_URL } from "./config";

// One statement on the e2e app's database, SQLite or PostgreSQL, for fixtures that write
// what no page can (a letter, staff, counters) and for reads that check what a request
// left behind. Statements are written once for both: quoted identifiers ("Letter",
// "createdAt"), `?` placeholders, `true`/`false` literals; values are passed as what both
// accept: booleans as 1/0 (PostgreSQL reads '1' into a boolean column), timestamps as
// text such as '2026-01-01T00:00:00.000+00:00' (how Prisma keeps them in SQLite;
// PostgreSQL's timestamp columns take it as UTC, as Prisma writes them).
//
// Synchronous on both, so fixtures stay plain calls: on PostgreSQL a worker thread holds a
// `pg` connection and the caller waits on a shared flag until the answer is posted back.

export type SqlValue = string | number | null;

export const timestamp = (date: Date = new Date()) => date.toISOString().replace("Z", "+00:00");
export const flag = (value: boolean) => (value ? 1 : 0);

/** Runs `statement` and returns the rows it produced (none for a write). */
export function sql<Row = Record<string, unknown>>(statement: string, params: SqlValue[] = [], databaseUrl = E2E_DATABASE_URL): Row[] {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { timeout: 10_000 });
    try {
      const prepared = db.prepare(statement);
      if (prepared.reader) return prepared.all(...params) as Row[];
      prepared.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  let n = 0;
  return postgresql(databaseUrl)(statement.replace(/\?/g, () => `$${++n}`), params) as Row[];
}

const WORKER = `
const { workerData } = require("node:worker_threads");
const pg = require(workerData.pg);
const done = new Int32Array(workerData.done);
let connection = null;
// A connection the server ended (its database dropped, a restart) is replaced at the next statement.
function connect() {
  const client = new pg.Client({ connectionString: workerData.url });
  client.on("error", () => { if (connection && connection.client === client) connection = null; });
  connection = { client, ready: client.connect() };
  return connection;
}
workerData.port.on("message", async ({ statement, params }) => {
  let answer;
  try {
    const { client, ready } = connection || connect();
    await ready;
    answer = { rows: (await client.query(statement, params)).rows };
  } catch (error) {
    if (connection) connection.client.end().catch(() => {});
    connection = null;
    answer = { error: String((error && error.message) || error) };
  }
  workerData.port.postMessage(answer);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

type Query = (statement: string, params: SqlValue[]) => unknown[];
const connections = new Map<string, Query>();

function postgresql(url: string): Query {
  let query = connections.get(url);
  if (query) return query;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { url, pg: createRequire(import.meta.url).resolve("pg"), done: done.buffer, port: port2 },
    transferList: [port2 as unknown as MessagePort],
  });
  worker.unref();
  port1.unref();
  query = (statement, params) => {
    Atomics.store(done, 0, 0);
    port1.postMessage({ statement, params });
    if (Atomics.wait(done, 0, 0, 30_000) === "timed-out") throw new Error(`no answer from PostgreSQL in 30 s to: ${statement}`);
    const answer = receiveMessageOnPort(port1)?.message as { rows?: unknown[]; error?: string };
    if (answer.error !== undefined) throw new Error(`${answer.error}\n  in: ${statement}`);
    return answer.rows ?? [];
  };
  connections.set(url, query);
  return query;
}
