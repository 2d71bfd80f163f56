export const dynamic = "force-dynamic";

/** A trivial dynamic route: the benchmark's yardstick, and a liveness check for operators. */
export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
