import type { Metadata } from "next";
import Link from "next/link";
import { WebhookForm } from "@/components/admin/webhook-form";
import { EndpointBadges } from "@/components/admin/webhook-badges";
import { EVENT_LABEL } from "@/components/admin/webhook-fields";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listWebhookEndpoints, type ListedWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";
import { listWebhookLetters } from "@/lib/webhooks/list-webhook-letters";
import { createWebhookAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function WebhooksPage() {
  await requireStaffPage("manage_webhooks");
  const [endpoints, letters] = await Promise.all([listWebhookEndpoints(), listWebhookLetters()]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">
          Tell another system, such as a CRM or a chat channel, when something happens on a letter. Each webhook is a JSON
          POST signed as the Standard Webhooks specification says. One that is not answered with a 2xx status is tried again
          for a day; an endpoint that receives nothing for that whole day is turned off, and admins are emailed. Every change
          here is in the audit log.
        </p>
      </div>

      <section aria-labelledby="add-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="add-heading" className="font-semibold text-stone-900">Add an endpoint</h2>
        <div className="mt-4">
          <WebhookForm action={createWebhookAction} letters={letters} />
        </div>
      </section>

      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="font-semibold text-stone-900">
          Endpoints <span className="font-normal text-stone-500">({endpoints.length})</span>
        </h2>
        {endpoints.length === 0 ? (
          <p className="mt-3 rounded-xl border border-stone-200 bg-white p-4 text-sm text-stone-600 shadow-sm">No endpoints yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
            {endpoints.map((endpoint) => <Endpoint key={endpoint.id} endpoint={endpoint} />)}
          </ul>
        )}
      </section>
    </div>
  );
}

function Endpoint({ endpoint }: { endpoint: ListedWebhookEndpoint }) {
  return (
    <li className="space-y-1 p-4 text-sm" data-testid="webhook-endpoint">
      <p className="flex flex-wrap items-center gap-2">
        <Link href={`/admin/webhooks/${endpoint.id}`} className="min-w-0 break-all font-mono font-medium text-brand-700 underline">
          {endpoint.url}
        </Link>
        <EndpointBadges endpoint={endpoint} />
      </p>
      <p className="text-stone-700">
        {endpoint.letter ? <>Letter: {endpoint.letter.title}</> : "All letters"} · {endpoint.events.map((e) => EVENT_LABEL[e].title).join(", ")}
      </p>
      <p className="text-stone-600">
        {endpoint.waiting} waiting · {endpoint.failed} failed
        {endpoint.lastDeliveredAt ? <> · last delivered {when.format(endpoint.lastDeliveredAt)} UTC</> : null}
        {endpoint.description ? <> · {endpoint.description}</> : null}
      </p>
    </li>
  );
}
