// SQLite allows one writer. A transaction that read first and then writes fails at once
// with SQLITE_BUSY_SNAPSHOT when another connection (a second app process, an operator
// script) wrote in between; the busy timeout cannot help, but running it again can.

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown; meta?: { code?: unknown } } | null)?.code;
  return (
    (typeof code === "string" && code.startsWith("SQLITE_BUSY")) ||
    (error instanceof Error && /database is locked|SQLITE_BUSY/.test(error.message))
  );
}

/** Runs a write transaction again (up to 5 times, with a short random pause) while SQLite says busy. */
export async function retryOnBusy<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}
