import path from "node:path";
import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next would hash every page it serves for an ETag, in JavaScript, on every request: a
  // quarter of the CPU of serving the cached letter page. The letter page served from
  // memory and the JSON feeds keep their own ETags, computed once per version.
  generateEtags: false,
  // Cached pages (the letter page renders at most once a second) may be served stale
  // while a fresh copy is fetched, by Next, the page cache in memory, nginx or a CDN,
  // for 5 s in all (s-maxage=1, stale-while-revalidate=4): the contract's bound on
  // counts. Past that a reader waits for a fresh render rather than see an old page.
  expireTime: 5,
  // The proxy serves the letter page from memory (proxy.ts), but never to the router's
  // own requests, which want the page's RSC payload: by default Next hides their headers
  // and _rsc query from the proxy, so it must see the request as it came.
  skipProxyUrlNormalize: true,
  // forbidden() answers 403 from admin pages a role may not open
  experimental: { authInterrupts: true },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // Next's own cache of rendered pages, which lets a letter change made in another app
  // process expire this process's pages too (lib/memory/letter-changed.ts).
  cacheHandler: path.resolve(process.cwd(), "lib/memory/next-cache-handler.cjs"),
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Nothing but the embeddable widget may be framed by other sites. The widget's own
      // route sends "frame-ancestors *" in its CSP; embed.js is a script, never framed.
      { source: "/((?!embed/|embed\\.js).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
  async rewrites() {
    return {
      // GET / answers the contract's JSON list to clients that ask for JSON.
      beforeFiles: [
        { source: "/", has: [{ type: "header", key: "accept", value: "(?!.*text/html).*application/json.*" }], destination: "/api/letters" },
      ],
    };
  },
};

export default nextConfig;
