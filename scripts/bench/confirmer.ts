// Confirms signatures while the signing load runs, as signers without JavaScript would:
// takes each confirmation email the Resend stand-in received, opens its link
// (GET /verify/{token}), and submits the page's form: a POST of its fields (the hidden
// inputs Next renders for a server action) as multipart/form-data to the same URL, with
// the Origin a browser sends (Next refuses an action whose Origin is not the host); the
// answer is a redirect to the thank-you page. Links are spread over the app processes.
import type { ReceivedEmail } from "../../e2e/resend-stand-in";

export interface ConfirmerReport {
  confirmed: number;
  failed: number;
  /** First failure, for the report. */
  firstFailure?: string;
  /** Milliseconds per confirmation (the page, then the form's post), sorted. */
  times: number[];
  seconds: number;
}

const LINK = /https?:\/\/[^\s"'<>]+\/verify\/([A-Za-z0-9_-]+)/;

export function startConfirmer({ emails, bases, concurrency }: { emails: ReceivedEmail[]; bases: string[]; concurrency: number }) {
  let next = 0;
  let turn = 0;
  let stopping = false;
  const started = Date.now();
  const report: ConfirmerReport = { confirmed: 0, failed: 0, times: [], seconds: 0 };

  const taken = new Set<string>();
  /** The next link not yet taken (an email delivered twice carries the same one). */
  const nextToken = (): string | null => {
    while (next < emails.length) {
      const token = LINK.exec(emails[next++].text)?.[1];
      if (token && !taken.has(token)) {
        taken.add(token);
        return token;
      }
    }
    return null;
  };

  const worker = async () => {
    while (!stopping) {
      const token = nextToken();
      if (!token) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const base = bases[turn++ % bases.length];
      const at = performance.now();
      try {
        await confirm(`${base}/verify/${token}`, base);
        report.confirmed += 1;
        report.times.push(performance.now() - at);
      } catch (error) {
        report.failed += 1;
        report.firstFailure ??= (error as Error).message;
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);

  return {
    async stop(): Promise<ConfirmerReport> {
      stopping = true;
      await Promise.all(workers);
      report.seconds = (Date.now() - started) / 1000;
      report.times.sort((a, b) => a - b);
      return report;
    },
  };
}

async function confirm(url: string, origin: string): Promise<void> {
  const page = await fetch(url);
  const html = await page.text();
  if (!page.ok) throw new Error(`GET ${url}: ${page.status}`);
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/.exec(html);
  if (!form || !form[2].includes("Confirm my signature")) throw new Error(`GET ${url}: no confirmation form`);
  const body = new FormData();
  for (const input of form[2].matchAll(/<input\b([^>]*)>/g)) {
    const name = attribute(input[1], "name");
    if (name !== null && attribute(input[1], "type") === "hidden") body.append(name, attribute(input[1], "value") ?? "");
  }
  const action = attribute(form[1], "action");
  const target = action ? new URL(action, url).href : url;
  // fetch sends FormData as multipart/form-data. The answer is a redirect to the link's
  // page, which then says thank you: that is one more page view, not part of confirming.
  const answer = await fetch(target, { method: "POST", body, headers: { origin }, redirect: "manual" });
  await answer.arrayBuffer();
  const location = answer.headers.get("location") ?? "";
  if (answer.status !== 303 || !location.includes("/verify/") || location.includes("problem=")) {
    throw new Error(`POST ${target}: ${answer.status} ${location}`);
  }
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]) : null;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };
    if (entity[0] !== "#") return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}
