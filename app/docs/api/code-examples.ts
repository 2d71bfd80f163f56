import type { Operation } from "@/lib/api/openapi-document";

// An operation's example call, in curl and in JavaScript, from the document: its path
// filled in with the parameters' examples, and its request body's example.

interface DocumentedParameter {
  name: string;
  in: string;
  example?: string;
}

type RequestBody = { content: Record<string, { example?: unknown }> };

function exampleUrl(base: string, path: string, operation: Operation): string {
  const parameters = (operation.parameters ?? []) as DocumentedParameter[];
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => parameters.find((p) => p.name === name)?.example ?? `{${name}}`);
  return `${base.replace(/\/$/, "")}${filled}`;
}

/**
 * The request headers an example sends: Accept, where the operation documents it, since
 * it decides the answer's form (GET / is JSON only when asked). Headers that only make an
 * answer conditional (If-None-Match) or change its words' language are left to the reader.
 */
function exampleHeaders(operation: Operation): [name: string, value: string][] {
  const parameters = (operation.parameters ?? []) as DocumentedParameter[];
  return parameters.filter((p) => p.in === "header" && p.name === "Accept" && p.example).map((p) => [p.name, p.example!]);
}

function answerKind(operation: Operation): "json" | "text" {
  const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
  const ok = Object.entries(responses).find(([status]) => status.startsWith("2"))?.[1];
  return ok?.content && "application/json" in ok.content ? "json" : "text";
}

export function curlExample(base: string, method: string, path: string, operation: Operation): string {
  const url = exampleUrl(base, path, operation);
  const body = (operation.requestBody as RequestBody | undefined)?.content["application/json"]?.example;
  if (method === "get") return [`curl -i "${url}"`, ...exampleHeaders(operation).map(([name, value]) => `-H "${name}: ${value}"`)].join(" ");
  // A POST whose description says what it takes, with no JSON body (the one-click unsubscribe).
  if (body === undefined) return `curl -i -X ${method.toUpperCase()} "${url}"`;
  return [
    `curl -i -X ${method.toUpperCase()} "${url}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(body).replaceAll("'", "'\\''")}'`,
  ].join("\n");
}

export function fetchExample(base: string, method: string, path: string, operation: Operation): string {
  const url = exampleUrl(base, path, operation);
  const body = (operation.requestBody as RequestBody | undefined)?.content["application/json"]?.example;
  const read = answerKind(operation) === "json" ? "await response.json()" : "await response.text()";
  if (method === "get") {
    const headers = exampleHeaders(operation);
    const init = headers.length > 0 ? `, { headers: { ${headers.map(([name, value]) => `"${name}": "${value}"`).join(", ")} } }` : "";
    return [
      `const response = await fetch("${url}"${init});`,
      `if (!response.ok) throw new Error(\`\${response.status}: \${await response.text()}\`);`,
      `const answer = ${read};`,
    ].join("\n");
  }
  if (body === undefined) {
    return [
      `const response = await fetch("${url}", { method: "${method.toUpperCase()}" });`,
      `if (!response.ok) throw new Error(\`\${response.status}: \${await response.text()}\`);`,
      `const answer = ${read};`,
    ].join("\n");
  }
  return [
    `const response = await fetch("${url}", {`,
    `  method: "${method.toUpperCase()}",`,
    `  headers: { "Content-Type": "application/json" },`,
    `  body: JSON.stringify(${JSON.stringify(body, null, 2).replaceAll("\n", "\n  ")}),`,
    `});`,
    `if (!response.ok) {`,
    `  const { error } = await response.json(); // { code, message, fields? }`,
    `  throw new Error(\`\${error.code}: \${error.message}\`);`,
    `}`,
    `const answer = ${read};`,
  ].join("\n");
}

export const VERIFY_WEBHOOK_EXAMPLE = `// npm install standardwebhooks
import { Webhook } from "standardwebhooks";

// The endpoint's secret, shown once when it was registered ("whsec_…").
const webhook = new Webhook(process.env.OPEN_LETTERS_WEBHOOK_SECRET);

// A route handler (Next.js, or any server with the Fetch API's Request).
export async function POST(request) {
  const body = await request.text(); // the raw body: the signature covers its exact bytes
  let event;
  try {
    event = webhook.verify(body, {
      "webhook-id": request.headers.get("webhook-id"),
      "webhook-timestamp": request.headers.get("webhook-timestamp"),
      "webhook-signature": request.headers.get("webhook-signature"),
    });
  } catch {
    return new Response("Bad signature", { status: 400 });
  }
  // webhook-id is the same on every retry of a delivery: skip one you already handled.
  console.log(event.type, event.data);
  return new Response(null, { status: 204 });
}`;
