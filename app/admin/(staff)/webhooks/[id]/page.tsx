import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndpointBadges } from "@/components/admin/webhook-badges";
import { SendAgainButton } from "@/components/admin/send-again-button";
import { DeleteWebhookButton, RotateSecretButton } from "@/components/admin/webhook-buttons";
import { EVENT_LABEL } from "@/components/admin/webhook-fields";
import { WebhookSettingsForm } from "@/components/admin/webhook-settings-form";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getWebhookEndpoint, type WebhookEndpointDetail } from "@/lib/webhooks/get-webhook-endpoint";
import { listWebhookLetters } from "@/lib/webhooks/list-webhook-letters";
import type { WebhookEvent } from "@/lib/webhooks/payloads";
import { deleteWebhookAction, rotateWebhookSecretAction, sendWebhookAgainAction, updateWebhookAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook endpoint" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const STATUS: Record<string, { label: string; className: string }> = {
  pending: { label: "Waiting", className: "bg-stone-100 text-stone-800" },
  sending: { label: "Sending", className: "bg-stone-100 text-stone-800" },
  delivered: { label: "Delivered", className: "bg-emerald-100 text-emerald-900" },
  failed: { label: "Failed", className: "bg-red-100 text-red-900" },
};

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffPage("manage_webhooks");
  const { id } = await params;
  const [endpoint, letters] = await Promise.all([getWebhookEndpoint({ id }), listWebhookLetters()]);
  if (!endpoint) notFound();
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link href="/admin/webhooks" className="text-brand-700 underline">Webhooks</Link></p>
        <h1 className="mt-1 break-all font-mono text-xl font-bold tracking-tight text-stone-900">{endpoint.url}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <EndpointBadges endpoint={endpoint} />
          <span>
            Registered by {endpoint.createdByEmail} on <time dateTime={endpoint.createdAt.toISOString()}>{when.format(endpoint.createdAt)} UTC</time>
          </span>
        </p>
        {!endpoint.enabled && endpoint.disabledReason ? (
          <p role="status" className="mt-3 max-w-3xl rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            Turned off{endpoint.disabledAt ? ` on ${when.format(endpoint.disabledAt)} UTC` : ""}. {endpoint.disabledReason}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="settings-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="settings-heading" className="font-semibold text-stone-900">Settings</h2>
        <div className="mt-4">
          <WebhookSettingsForm action={updateWebhookAction} letters={letters} endpoint={endpoint} />
        </div>
      </section>

      <section aria-labelledby="secret-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="secret-heading" className="font-semibold text-stone-900">Signing secret and deletion</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">
          The secret was shown once, when the endpoint was registered. If it was lost or leaked, make a new one: the old one
          stops signing at once, so update the receiving system straight away.
        </p>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          <RotateSecretButton id={endpoint.id} action={rotateWebhookSecretAction} />
          <DeleteWebhookButton id={endpoint.id} action={deleteWebhookAction} />
        </div>
      </section>

      <section aria-labelledby="log-heading">
        <h2 id="log-heading" className="font-semibold text-stone-900">Deliveries <span className="font-normal text-stone-500">(latest {endpoint.deliveries.length})</span></h2>
        <p className="mt-1 text-sm text-stone-600">Each event sent to this endpoint, newest first, with its latest tries. Times are UTC.</p>
        {endpoint.deliveries.length === 0 ? (
          <p className="mt-3 rounded-xl border border-stone-200 bg-white p-4 text-sm text-stone-600 shadow-sm">Nothing sent yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
            {endpoint.deliveries.map((delivery) => <Delivery key={delivery.id} delivery={delivery} />)}
          </ul>
        )}
      </section>
    </div>
  );
}

function Delivery({ delivery }: { delivery: WebhookEndpointDetail["deliveries"][number] }) {
  const status = STATUS[delivery.status] ?? STATUS.pending;
  const event = EVENT_LABEL[delivery.event as WebhookEvent]?.title ?? delivery.event;
  const last = delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : delivery.lastError;
  return (
    <li className="grid gap-3 p-4 md:grid-cols-[minmax(0,1fr)_auto] md:items-start" data-testid="webhook-delivery">
      <div className="min-w-0 space-y-1 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.className}`}>{status.label}</span>
          <span className="font-medium text-stone-900">{event}</span>
          <code className="text-xs text-stone-600">msg_{delivery.id}</code>
        </p>
        <p className="text-stone-600">
          Queued {when.format(delivery.createdAt)} · {delivery.attempts} {delivery.attempts === 1 ? "try" : "tries"}
          {last ? <> · last answer: <span data-testid="last-answer">{last}</span></> : null}
          {delivery.status === "pending" && delivery.attempts > 0 ? <> · next try {when.format(delivery.nextAttemptAt)}</> : null}
        </p>
        {delivery.log.length > 0 ? (
          <details className="text-stone-600">
            <summary className="cursor-pointer">Tries</summary>
            <ol className="mt-1 space-y-0.5 font-mono text-xs">
              {delivery.log.map((attempt) => (
                <li key={attempt.id}>
                  {when.format(attempt.at)} · {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : attempt.error} · {attempt.durationMs} ms
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </div>
      {delivery.status === "failed" ? (
        <SendAgainButton id={delivery.id} label={`Send again: ${event}, queued ${when.format(delivery.createdAt)}`} pendingText="Queuing…" action={sendWebhookAgainAction} />
      ) : null}
    </li>
  );
}
