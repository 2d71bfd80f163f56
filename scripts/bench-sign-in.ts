// `npm run bench:sign-in -- --url http://127.0.0.1:3000 --allowed admin@example.org`:
// asks a running app for sign-in links, alternating an allowed address and addresses
// that are not allowed, each from an address of its own (the app must believe the
// X-Forwarded-For of this machine: TRUSTED_PROXIES=loopback), and prints how long the
// answers took. The two should not differ: a visitor must not learn who may sign in.
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { url: { type: "string" }, allowed: { type: "string" }, rounds: { type: "string", default: "60" } } });
if (!values.url || !values.allowed) throw new Error("usage: npm run bench:sign-in -- --url <app> --allowed <an address in ADMIN_EMAILS>");
const base = values.url.replace(/\/$/, "");
let n = 0;

async function ask(email: string): Promise<number> {
  const from = `10.77.${Math.floor(n / 250) % 250}.${(n++ % 250) + 1}`;
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": from } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const started = performance.now();
  const answer = await fetch(`${base}/api/auth/signin/resend`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": from },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/admin" }),
  });
  const took = performance.now() - started;
  if (answer.status !== 302) throw new Error(`sign-in answered ${answer.status}`);
  return took;
}

const allowed: number[] = [];
const strangers: number[] = [];
for (let i = 0; i < 5; i++) await ask(`warm-${i}@example.org`);
for (let i = 0; i < Number(values.rounds); i++) {
  allowed.push(await ask(values.allowed));
  strangers.push(await ask(`stranger-${i}-${Date.now()}@example.org`));
}
const at = (list: number[], q: number) => list.toSorted((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
const line = (label: string, list: number[]) =>
  `${label.padEnd(26)} median ${at(list, 0.5).toFixed(1).padStart(6)} ms   p90 ${at(list, 0.9).toFixed(1).padStart(6)} ms   mean ${(list.reduce((a, b) => a + b, 0) / list.length).toFixed(1).padStart(6)} ms`;
console.log(`${allowed.length} sign-in requests each, alternating, against ${base}`);
console.log(line("allowed address", allowed));
console.log(line("address not allowed", strangers));
console.log(`difference of medians: ${(at(allowed, 0.5) - at(strangers, 0.5)).toFixed(1)} ms`);
