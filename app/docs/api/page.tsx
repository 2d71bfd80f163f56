import type { Metadata } from "next";
import { openApiDocument, WEBHOOK_HEADERS, type Operation, type OpenApiDocument } from "@/lib/api/openapi-document";
import { getEnv } from "@/lib/env";
import { curlExample, fetchExample, VERIFY_WEBHOOK_EXAMPLE } from "./code-examples";
import { InlineCode } from "./inline-code";
import { resolve, SchemaFields } from "./schema-fields";

// The API's documentation for people, read from the same OpenAPI document that
// /api/openapi.json serves. In English, as developer documentation is (proxy.ts).

export const metadata: Metadata = {
  title: "API documentation",
  description: "The public JSON API, open data feeds and webhooks, with examples in curl and JavaScript.",
};

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: { type?: string; enum?: string[] } };
type Response = { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Record<string, unknown>; example?: unknown }> };

const operationsOf = (document: OpenApiDocument, tag: string) =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => operation.tags?.includes(tag))
      .map(([method, operation]) => ({ path, method, operation })),
  );

const anchor = (method: string, path: string) => `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "").toLowerCase();

function Code({ children, label }: { children: string; label: string }) {
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{label}</p>
      <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md bg-stone-900 p-3 text-[13px] leading-relaxed text-stone-50">
        <code>{children}</code>
      </pre>
    </div>
  );
}

function MethodBadge({ method }: { method: string }) {
  const colour = method === "post" ? "bg-amber-100 text-amber-900" : method === "options" ? "bg-stone-200 text-stone-800" : "bg-emerald-100 text-emerald-900";
  return <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-bold ${colour}`}>{method.toUpperCase()}</span>;
}

function EndpointSection({ document, base, path, method, operation }: { document: OpenApiDocument; base: string; path: string; method: string; operation: Operation }) {
  const parameters = (operation.parameters ?? []) as Parameter[];
  const requestBody = operation.requestBody as { description?: string; content: Record<string, { schema: Record<string, unknown> }> } | undefined;
  const responses = operation.responses as Record<string, Response>;
  const id = anchor(method, path);
  return (
    <section aria-labelledby={id} className="border-t border-stone-200 pt-8">
      <h3 id={id} className="flex flex-wrap items-center gap-2 text-lg font-semibold text-stone-900">
        <MethodBadge method={method} />{" "}
        <code className="break-all font-mono text-base">{path}</code>
      </h3>
      <p className="mt-1 font-medium text-stone-800">{operation.summary}</p>
      {operation.description ? (
        <p className="mt-2 text-stone-700">
          <InlineCode text={operation.description} />
        </p>
      ) : null}

      {parameters.length > 0 ? (
        <>
          <h4 className="mt-5 font-semibold text-stone-900">Parameters</h4>
          <ul className="mt-2 divide-y divide-stone-100 rounded-md border border-stone-200 text-sm">
            {parameters.map((p) => (
              <li key={`${p.in}-${p.name}`} className="px-3 py-2">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-semibold text-stone-900">{p.name}</code>
                  <span className="text-stone-600">
                    in {p.in}
                    {p.schema.enum ? `: ${p.schema.enum.join(" | ")}` : ""}
                  </span>
                  <span className={p.required ? "text-xs font-medium text-amber-800" : "text-xs text-stone-600"}>{p.required ? "required" : "optional"}</span>
                </p>
                {p.description ? (
                  <p className="mt-1 text-stone-700">
                    <InlineCode text={p.description} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {requestBody ? (
        <>
          <h4 className="mt-5 font-semibold text-stone-900">Request body</h4>
          {requestBody.description ? (
            <p className="mt-1 text-sm text-stone-700">
              <InlineCode text={requestBody.description} />
            </p>
          ) : null}
          <SchemaFields document={document} schema={requestBody.content["application/json"].schema} />
        </>
      ) : null}

      <h4 className="mt-5 font-semibold text-stone-900">Answers</h4>
      <dl className="mt-2 space-y-4">
        {Object.entries(responses).map(([status, response]) => (
          <div key={status}>
            <dt className="text-sm">
              <span className="font-mono font-bold text-stone-900">{status}</span>
              {response.content ? <span className="ms-2 text-stone-600">{Object.keys(response.content).join(", ")}</span> : null}
            </dt>
            <dd className="mt-1 text-sm text-stone-700">
              <InlineCode text={response.description} />
              {response.headers ? <span className="block text-stone-600">Headers: {Object.keys(response.headers).join(", ")}</span> : null}
              {response.content?.["application/json"] && status.startsWith("2") ? (
                <SchemaFields document={document} schema={response.content["application/json"].schema} />
              ) : null}
              {response.content?.["application/json"] && !status.startsWith("2") ? (
                <span className="block text-stone-600">
                  <code>error.code</code>: {((resolve(document, response.content["application/json"].schema) as { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }).properties?.error?.properties?.code?.enum ?? []).join(", ")}
                </span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>

      {method === "options" ? null : (
        <div className="mt-5 space-y-4">
          <Code label="curl">{curlExample(base, method, path, operation)}</Code>
          <Code label="JavaScript">{fetchExample(base, method, path, operation)}</Code>
          {exampleAnswer(responses) ? <Code label="Example answer">{exampleAnswer(responses)!}</Code> : null}
        </div>
      )}
    </section>
  );
}

function exampleAnswer(responses: Record<string, Response>): string | null {
  const ok = Object.entries(responses).find(([status]) => status.startsWith("2"))?.[1];
  const example = ok?.content && Object.values(ok.content).find((c) => c.example !== undefined)?.example;
  if (example === undefined || example === null) return null;
  return typeof example === "string" ? example : JSON.stringify(example, null, 2);
}

export default function ApiDocsPage() {
  const base = getEnv().APP_URL;
  const document = openApiDocument(base);
  const tags = document.tags.filter((t) => t.name !== "Webhooks");
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight text-stone-900">API documentation</h1>
      <div className="mt-4 space-y-3 text-stone-700">
        <p>
          <InlineCode text={String(document.info.description)} />
        </p>
        <p>
          Every address below starts with <code className="break-all">{base}</code>. The same description, for programs, is the OpenAPI 3.1
          document at{" "}
          <a href="/api/openapi.json" className="font-medium text-brand-700 underline">
            /api/openapi.json
          </a>
          .
        </p>
      </div>

      <nav aria-labelledby="contents" className="mt-8 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="contents" className="font-semibold text-stone-900">
          On this page
        </h2>
        <ul className="mt-2 space-y-3 text-sm">
          {[...tags, { name: "Webhooks", description: "" }].map((tag) => (
            <li key={tag.name}>
              <a href={`#${anchor("tag", tag.name)}`} className="font-medium text-brand-700 underline">
                {tag.name}
              </a>
              <ul className="mt-1 space-y-1 ps-4">
                {tag.name === "Webhooks"
                  ? Object.keys(document.webhooks).map((event) => (
                      <li key={event}>
                        <a href={`#${anchor("event", event)}`} className="text-brand-700 underline">
                          {event}
                        </a>
                      </li>
                    ))
                  : operationsOf(document, tag.name)
                      .filter(({ method }) => method !== "options") // preflights are the browser's business; each is on the page
                      .map(({ path, method, operation }) => (
                      <li key={`${method} ${path}`}>
                        <a href={`#${anchor(method, path)}`} className="text-brand-700 underline">
                          {method.toUpperCase()} {path}
                        </a>{" "}
                        <span className="text-stone-600">{operation.summary}</span>
                      </li>
                    ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={anchor("tag", tag.name)} className="mt-12">
          <h2 id={anchor("tag", tag.name)} className="font-serif text-2xl font-bold text-stone-900">
            {tag.name}
          </h2>
          <p className="mt-1 text-stone-700">{tag.description}</p>
          <div className="mt-6 space-y-10">
            {operationsOf(document, tag.name).map(({ path, method, operation }) => (
              <EndpointSection key={`${method} ${path}`} document={document} base={base} path={path} method={method} operation={operation} />
            ))}
          </div>
        </section>
      ))}

      <section aria-labelledby={anchor("tag", "Webhooks")} className="mt-12">
        <h2 id={anchor("tag", "Webhooks")} className="font-serif text-2xl font-bold text-stone-900">
          Webhooks
        </h2>
        <p className="mt-1 text-stone-700">
          An admin registers an HTTPS endpoint for one letter or for all of them, with the events it wants. Each event is a{" "}
          <code>POST</code> with a JSON body, signed as the{" "}
          <a href="https://www.standardwebhooks.com" className="font-medium text-brand-700 underline">
            Standard Webhooks
          </a>{" "}
          specification says. A signer&apos;s email is in a payload only when the endpoint was marked to receive personal data.
        </p>
        <h3 className="mt-6 text-lg font-semibold text-stone-900">Headers of every delivery</h3>
        <ul className="mt-2 divide-y divide-stone-100 rounded-md border border-stone-200 text-sm">
          {WEBHOOK_HEADERS.map((header) => (
            <li key={header.name} className="px-3 py-2">
              <code className="font-semibold text-stone-900">{header.name}</code>
              <p className="mt-1 text-stone-700">
                <InlineCode text={header.description} />
              </p>
            </li>
          ))}
        </ul>
        <h3 className="mt-6 text-lg font-semibold text-stone-900">Verifying a signature</h3>
        <p className="mt-1 text-stone-700">
          Use a maintained implementation rather than your own: in JavaScript, the <code>standardwebhooks</code> package. Answer with any{" "}
          <code>2xx</code> status quickly; any other answer, or none, is tried again with growing delays for about a day.
        </p>
        <div className="mt-3">
          <Code label="JavaScript">{VERIFY_WEBHOOK_EXAMPLE}</Code>
        </div>
        <div className="mt-6 space-y-10">
          {Object.entries(document.webhooks).map(([event, { post }]) => {
            const body = (post.requestBody as { content: Record<string, { schema: Record<string, unknown>; example: unknown }> }).content["application/json"];
            const id = anchor("event", event);
            return (
              <section key={event} aria-labelledby={id} className="border-t border-stone-200 pt-8">
                <h3 id={id} className="text-lg font-semibold text-stone-900">
                  <code className="font-mono">{event}</code>
                </h3>
                {post.description ? <p className="mt-1 text-stone-700">{post.description}</p> : null}
                <h4 className="mt-4 font-semibold text-stone-900">Payload</h4>
                <SchemaFields document={document} schema={body.schema} />
                <div className="mt-4">
                  <Code label="Example payload">{JSON.stringify(body.example, null, 2)}</Code>
                </div>
              </section>
            );
          })}
        </div>
      </section>
    </div>
  );
}
