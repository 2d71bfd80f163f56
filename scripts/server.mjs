// The app's HTTP server: Next.js behind a thin layer that says who each client is.
// Next.js gives routes no socket address, and its own X-Forwarded-For is whatever the
// client sent; so this server resolves the address itself (the socket, or through the
// proxies TRUSTED_PROXIES names) and hands it on in one header no client can set.
//
//   PORT=3000 [HOST=127.0.0.1] node scripts/server.mjs [--dev]
//
// `npm start` runs it after preparing the database and the build; so do the tests and
// the bench.
import http from "node:http";
import path from "node:path";
import {
  CLIENT_ADDRESS_HEADER,
  FORWARDED_HEADER,
  PEER_ADDRESS_HEADER,
  clientAddressOf,
  parseTrustedProxies,
  wasForwarded,
} from "../lib/http/trusted-proxies.mjs";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;

let trust;
try {
  trust = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`Invalid configuration:\n  TRUSTED_PROXIES: ${error.message}`);
  process.exit(1);
}

const { default: next } = await import("next");
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * A path whose percent-escapes do not decode (/verify/%ZZ, a cut-off UTF-8 sequence) has
 * its percent signs taken literally, as the URL standard reads a stray "%": the request
 * then meets the app's own "not found" instead of a bare 500 from Next's router.
 */
function wellFormed(url) {
  const query = url.indexOf("?");
  const pathname = query < 0 ? url : url.slice(0, query);
  try {
    decodeURIComponent(pathname);
    return url;
  } catch {
    return pathname.replaceAll("%", "%25") + (query < 0 ? "" : url.slice(query));
  }
}

// A site whose public address is https tells browsers never to use plain http for it, on
// every answer (a page from a cache too). Not for subdomains: they may be other people's sites.
const strictTransportSecurity = process.env.APP_URL?.startsWith("https://") ? "max-age=31536000" : null;

const server = http.createServer((request, response) => {
  if (strictTransportSecurity) response.setHeader("Strict-Transport-Security", strictTransportSecurity);
  request.url = wellFormed(request.url ?? "/");
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request, trust);
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  request.headers[FORWARDED_HEADER] = wasForwarded(request) ? "1" : "0";
  void handle(request, response);
});
// Node closes an idle keep-alive connection after 5 s; a client (or nginx, or a cloud load
// balancer, whose idle timeouts are 60 s) that sends on it just then gets a reset instead
// of an answer. Idle connections stay open longer than theirs; shutdown still closes them.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, hostname, () => {
  console.log(`> Open Letters ${dev ? "(development) " : ""}listening on http://${hostname ?? "localhost"}:${port}`);
});

// Stop taking connections, let the requests in flight finish, then go.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
