import { NoticeCard } from "./notice-card";

// Shared by the pages an emailed link opens (/verify/{token}, /withdraw/{token}): what
// the link acts on, as term and value rows, and the card shown while the database is out
// of reach.

/** Term and value rows, as the link's page shows what it will confirm or remove. */
export function DetailRows({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <dl data-testid={testId} className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-stone-700">{term}</dt>
          <dd className="break-words text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The link could not be looked at now: it still works, so open it again. */
export function TryAgain({ message }: { message: string }) {
  return (
    <NoticeCard icon="⟳" title="Please try again in a moment">
      <p>{message}</p>
      <p>This link still works: open it again in a few seconds.</p>
    </NoticeCard>
  );
}
