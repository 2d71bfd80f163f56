// Times the sign form's proof of work (lib/defences/proof-of-work.ts) as a browser and as a
// script pay it: the same signed challenges solved in Node (its native PBKDF2, what a script
// signing thousands would use) and in Chromium (Web Crypto, one thread and the Web Workers
// the form uses). Prints the figures; README's "Bot checks" quotes them.
//
//   npm run time:proof-of-work [-- <challenges>]
import http from "node:http";
import path from "node:path";
import fs from "node:fs";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

process.env.AUTH_SECRET ??= "proof-of-work-timing-secret-0123456789";
const { createProofOfWorkChallenge, PROOF_OF_WORK_COST } = await import("../lib/defences/proof-of-work");

const runs = Number(process.argv[2] ?? 20);
const challenges: Challenge[] = [];
for (let i = 0; i < runs; i++) challenges.push(await createProofOfWorkChallenge({ letterId: "timing" }));

function summary(label: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`${label.padEnd(34)} median ${at(0.5).toFixed(0).padStart(5)} ms   p90 ${at(0.9).toFixed(0).padStart(5)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(5)} ms`);
}

console.log(`${runs} challenges: ${PROOF_OF_WORK_COST.algorithm}, ${PROOF_OF_WORK_COST.rounds} rounds a try, secret counter ${PROOF_OF_WORK_COST.counterMin}-${PROOF_OF_WORK_COST.counterMax}\n`);

const node: number[] = [];
for (const challenge of challenges) {
  const start = performance.now();
  await solveChallenge({ challenge, deriveKey });
  node.push(performance.now() - start);
}
summary("Node, one thread (a script)", node);

// altcha-lib's browser build, served from node_modules to a blank page of this origin.
const root = path.resolve(import.meta.dirname, "../node_modules/altcha-lib/dist/esm/v2");
const worker = `import { deriveKey } from "/algorithms/web/pbkdf2.js"; import { handler } from "/workers/shared.js"; handler({ deriveKey });`;
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (url.pathname === "/") return response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>timing</title>");
  if (url.pathname === "/worker.js") return response.writeHead(200, { "content-type": "text/javascript" }).end(worker);
  const file = path.join(root, path.normalize(url.pathname));
  if (!file.startsWith(root) || !fs.existsSync(file)) return response.writeHead(404).end();
  response.writeHead(200, { "content-type": "text/javascript" }).end(fs.readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as { port: number };

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  // Plain text, not a function: tsx would add helpers the page does not have.
  const figures: { one: number[]; workers: number[]; concurrency: number } = await page.evaluate(`(async (all) => {
    const altcha = await import("/index.js");
    const { deriveKey } = await import("/algorithms/web/pbkdf2.js");
    const one = [];
    const workers = [];
    const concurrency = Math.min(4, navigator.hardwareConcurrency || 2);
    for (const challenge of all) {
      let start = performance.now();
      await altcha.solveChallenge({ challenge, deriveKey });
      one.push(performance.now() - start);
      start = performance.now();
      await altcha.solveChallengeWorkers({ challenge, concurrency, createWorker: () => new Worker("/worker.js", { type: "module" }) });
      workers.push(performance.now() - start);
    }
    return { one, workers, concurrency };
  })(${JSON.stringify(challenges)})`);
  summary("Chromium, one thread", figures.one);
  summary(`Chromium, ${figures.concurrency} Web Workers (the form)`, figures.workers);
} finally {
  await browser.close();
  server.close();
}
const total = node.reduce((a, b) => a + b, 0) / node.length;
console.log(`\nA script signing 10,000 times pays about ${((total * 10_000) / 60_000).toFixed(0)} CPU-minutes in Node.`);
