import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { listAdminLetters } from "@/lib/letters/list-admin-letters";
import { AUDIT_ACTIONS, auditFilterSchema } from "@/lib/validation/audit-filter";
import { inputClass } from "@/components/admin/form-field";
import { AuditEntry } from "@/components/admin/audit-entry";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireStaffPage("read_audit");
  const raw = await searchParams;
  const one = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]);
  const parsed = auditFilterSchema.safeParse({ letter: one("letter"), action: one("action"), cursor: one("cursor") });
  const filter = parsed.success ? parsed.data : {};
  const letters = await listAdminLetters();
  const letter = letters.find((l) => l.slug === filter.letter);
  const page = await listAuditLog({
    // An unknown letter shows nothing rather than everything.
    letterId: filter.letter ? (letter?.id ?? "-") : undefined,
    action: filter.action,
    cursor: filter.cursor,
  });
  const slugOf = new Map(letters.map((l) => [l.id, l.slug]));
  const next = new URLSearchParams({ ...(filter.letter ? { letter: filter.letter } : {}), ...(filter.action ? { action: filter.action } : {}) });
  if (page.nextCursor) next.set("cursor", page.nextCursor);

  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight text-stone-900">Audit log</h1>
      <p className="mt-1 text-sm text-stone-600">Every moderation and administration action, newest first.</p>
      <form method="get" className="mt-5 flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
        <div className="min-w-48 flex-1">
          <label htmlFor="audit-letter" className="block text-sm font-medium text-stone-900">Letter</label>
          <select id="audit-letter" name="letter" defaultValue={filter.letter ?? ""} className={inputClass}>
            <option value="">All letters</option>
            {letters.map((l) => <option key={l.id} value={l.slug}>{l.title}</option>)}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="audit-action" className="block text-sm font-medium text-stone-900">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50">Filter</button>
        {filter.letter || filter.action ? <Link href="/admin/audit" className="py-2 text-sm font-medium text-brand-700 hover:underline">Clear</Link> : null}
      </form>

      {page.items.length === 0 ? (
        <p className="mt-6 text-stone-600">Nothing recorded{filter.letter || filter.action ? " for this filter" : " yet"}.</p>
      ) : (
        <ol className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm" aria-label="Audit entries">
          {page.items.map((entry) => (
            <AuditEntry key={entry.id} entry={entry} letterSlug={entry.letterId ? slugOf.get(entry.letterId) : undefined} />
          ))}
        </ol>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {filter.cursor ? <Link href={`/admin/audit?${new URLSearchParams({ ...(filter.letter ? { letter: filter.letter } : {}), ...(filter.action ? { action: filter.action } : {}) })}`} className="font-medium text-brand-700 hover:underline">Newest</Link> : null}
        {page.nextCursor ? <Link href={`/admin/audit?${next}`} className="font-medium text-brand-700 hover:underline">Older entries →</Link> : null}
      </div>
    </div>
  );
}
