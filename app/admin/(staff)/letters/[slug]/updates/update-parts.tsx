import { formatCount } from "@/lib/format";
import type { UpdateFigures } from "@/lib/updates/list-letter-updates";

// Pieces the update pages share: the status badge and the figures.

export const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const STATUS: Record<string, { label: string; tone: string }> = {
  draft: { label: "Draft", tone: "bg-brand-50 text-brand-900 ring-brand-100" },
  sending: { label: "Sending", tone: "bg-amber-50 text-amber-900 ring-amber-300" },
  sent: { label: "Sent", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
};

export function UpdateStatus({ status }: { status: string }) {
  const { label, tone } = STATUS[status] ?? STATUS.draft;
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{label}</span>;
}

const FIGURES: [keyof UpdateFigures, string, string][] = [
  ["recipients", "Recipients", "Everyone it was queued for"],
  ["queued", "Queued", "In the outbox, not yet handed to the provider"],
  ["sent", "Sent", "Handed to the provider"],
  ["failed", "Failed", "Given up after retries, or refused"],
  ["unsubscribed", "Unsubscribed", "Stopped updates with this email's link"],
  ["dropped", "Not sent", "Stopped updates, withdrew, was erased or was removed by a moderator before it went"],
];

export function UpdateFiguresList({ figures }: { figures: UpdateFigures }) {
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="update-figures">
      {FIGURES.map(([key, label, hint]) => (
        <div key={key} className="rounded-lg bg-stone-50 px-3 py-2" title={hint}>
          <dt className="text-xs text-stone-600">{label}</dt>
          <dd className="font-semibold tabular-nums text-stone-900" data-testid={`figure-${key}`}>{formatCount(figures[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
