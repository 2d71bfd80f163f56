import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

// The site's Content-Security-Policy, one for every page. It carries no nonce: the letter
// page is served from caches (the proxy's memory, nginx, a CDN), where a per-request nonce
// would be stale on every copy but the first, and hashes of Next's inline scripts change
// with every page's data. So inline scripts are allowed ('unsafe-inline'), as they would
// have to be for any cached Next page. What the policy still stops: scripts, styles,
// images, fonts, frames and connections from any other origin; plugins (object-src);
// a <base> that sends relative URLs elsewhere; a form that posts anywhere but here;
// and framing by any other site (the embed has a policy of its own: app/embed/[slug]).
// Next's development server evaluates code (source maps, React's stack traces), so the
// policy allows eval there and nowhere else.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

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
  // serverActions: a delivery's photo (up to 2 MB) comes with its form; the default limit is 1 MB
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
  // pdfkit reads its font data from files beside its code at run time, so it is not bundled
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pdfkit"],
  // Next's own cache of rendered pages, which lets a letter change made in another app
  // process expire this process's pages too (lib/memory/letter-changed.ts).
  cacheHandler: path.resolve(process.cwd(), "lib/memory/next-cache-handler.cjs"),
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Nothing but the embeddable widget may be framed by other sites. The widget's own
      // route sends "frame-ancestors *" in its CSP; embed.js is a script, never framed.
      // A header set here wins over the same header from a route handler, so the routes
      // with a policy of their own (the widget, the badge under /api) are left out.
      {
        source: "/((?!embed/|embed\\.js|api/).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // The signer's own pages carry a secret in their address: no other site may see it
      // in a Referer (these come after the site-wide policy, so they win).
      { source: "/withdraw/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/my-data/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/unsubscribe/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // Every page is in the reader's language, negotiated from Accept-Language (proxy.ts).
      { source: "/((?!api/|_next/).*)", headers: [{ key: "Vary", value: "Accept-Language" }] },
      // GET / answers HTML or JSON by Accept (below), so a cache must keep them apart.
      { source: "/", headers: [{ key: "Vary", value: "Accept, Accept-Language" }] },
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

// next-intl reads the request's language and messages from i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
