/** A signing secret just made: shown this once, with what to do with it. */
export function WebhookSecret({ secret }: { secret: string }) {
  return (
    <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-stone-900" data-testid="webhook-secret">
      <p className="font-semibold">Copy the signing secret now: it is shown only this once.</p>
      <p className="mt-1 text-stone-700">
        The receiving system verifies each webhook with it, using any Standard Webhooks library. If it is lost, make a new one.
      </p>
      <code className="mt-2 block break-all rounded-md border border-emerald-200 bg-white px-3 py-2 font-mono text-sm">{secret}</code>
    </div>
  );
}
