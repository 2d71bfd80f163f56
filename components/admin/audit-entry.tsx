const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export interface AuditRow {
  id: string;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
}

/** One line of the audit log: who, what, target, reason, detail, when. */
export function AuditEntry({ entry, letterSlug }: { entry: AuditRow; letterSlug?: string }) {
  const detail = Object.entries(entry.detail);
  return (
    <li className="grid gap-1 p-4 text-sm md:grid-cols-[12rem_minmax(0,1fr)] md:gap-4" data-testid="audit-entry">
      <time dateTime={entry.createdAt.toISOString()} className="text-stone-500 tabular-nums">{when.format(entry.createdAt)} UTC</time>
      <div className="min-w-0 space-y-1">
        <p>
          <span className="font-medium text-stone-900">{entry.actorEmail}</span>{" "}
          <code className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-800">{entry.action}</code>{" "}
          <span className="text-stone-600">
            {entry.targetType}
            {entry.targetId ? <span className="font-mono text-xs"> {entry.targetId}</span> : null}
            {letterSlug ? <> · letter <span className="font-mono text-xs">{letterSlug}</span></> : null}
          </span>
        </p>
        {entry.reason ? <p className="text-stone-700">Reason: {entry.reason}</p> : null}
        {detail.length ? (
          <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-stone-600">
            {detail.map(([key, value]) => (
              <div key={key} className="flex min-w-0 gap-1">
                <dt className="font-medium">{key}:</dt>
                <dd className="break-all font-mono">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </li>
  );
}
