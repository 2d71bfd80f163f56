// Whether an error means the database could not be reached (PostgreSQL stopped,
// restarting, or unreachable; every pool connection busy past its timeout), as opposed
// to a query that failed. Such a request changed nothing: its transaction never
// committed. It is answered 503 with Retry-After (lib/http/app-error.ts), and the next
// request opens a fresh connection, so the app recovers by itself when the database does.

const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300"]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|Can't reach database server|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } }; cause?: unknown };
    if (typeof e.code === "string" && UNREACHABLE_CODES.has(e.code)) return true;
    const kind = e.meta?.driverAdapterError?.cause?.kind ?? e.kind;
    if (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) return true;
    if (typeof e.message === "string" && UNREACHABLE_MESSAGE.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
