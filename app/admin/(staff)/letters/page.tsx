import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/admin/status-badge";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { formatCount, KIND_LABEL } from "@/lib/format";
import { listAdminLetters } from "@/lib/letters/list-admin-letters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Letters" };

const link = "font-medium text-brand-700 hover:underline";

// Moderators see the list too (they reach signatures and exports from it); only admins edit.
export default async function LettersPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const staff = await requireStaffPage("export");
  const isAdmin = can(staff.role, "manage_letters");
  const [letters, { saved }] = await Promise.all([listAdminLetters(), searchParams]);

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Letters</h1>
        {isAdmin ? (
          <Link href="/admin/letters/new" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            New letter
          </Link>
        ) : null}
      </div>
      {saved ? (
        <p role="status" className="mt-4 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          Saved “{saved}”.
        </p>
      ) : null}
      {letters.length === 0 ? <p className="mt-6 text-stone-600">No letters yet.</p> : null}

      <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm md:hidden">
        {letters.map((letter) => (
          <li key={letter.id} className="space-y-2 p-4" data-testid={`letter-${letter.slug}`}>
            <div className="flex items-start justify-between gap-3">
              <p className="font-medium text-stone-900">{letter.title}</p>
              <StatusBadge status={letter.effectiveStatus} />
            </div>
            <p className="text-sm text-stone-600">
              {formatCount(letter.total)} counted · {formatCount(letter.awaitingReview)} awaiting review
            </p>
            <Actions slug={letter.slug} isAdmin={isAdmin} isDraft={letter.status === "draft"} />
          </li>
        ))}
      </ul>

      <div className="mt-6 hidden overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">Letter</th>
              <th scope="col" className="px-4 py-3 font-medium">Status</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Counted</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Awaiting review</th>
              <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {letters.map((letter) => (
              <tr key={letter.id} data-testid={`letter-row-${letter.slug}`}>
                <td className="px-4 py-3">
                  <p className="font-medium text-stone-900">{letter.title}</p>
                  <p className="text-xs text-stone-500">
                    {KIND_LABEL[letter.kind] ?? letter.kind} · /letters/{letter.slug}
                  </p>
                </td>
                <td className="px-4 py-3"><StatusBadge status={letter.effectiveStatus} /></td>
                <td className="px-4 py-3 text-right tabular-nums">{formatCount(letter.total)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{formatCount(letter.awaitingReview)}</td>
                <td className="px-4 py-3"><Actions slug={letter.slug} isAdmin={isAdmin} isDraft={letter.status === "draft"} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Actions({ slug, isAdmin, isDraft }: { slug: string; isAdmin: boolean; isDraft: boolean }) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm md:justify-end">
      <Link href={`/admin/letters/${slug}/signatures`} className={link}>Signatures</Link>
      <Link href={`/admin/letters/${slug}/export-options`} className={link}>Export CSV</Link>
      <Link href={`/admin/letters/${slug}/updates`} className={link}>Updates</Link>
      {isAdmin ? <Link href={`/admin/letters/${slug}/edit`} className={link}>Edit</Link> : null}
      <Link href={`/admin/letters/${slug}/translations`} className={link}>Translations</Link>
      <Link href={`/admin/letters/${slug}/delivery`} className={link}>Delivery</Link>
      {isAdmin ? (
        <Link href={isDraft ? `/admin/letters/${slug}/preview` : `/letters/${slug}`} className={link}>
          {isDraft ? "Preview" : "View"}
        </Link>
      ) : null}
    </div>
  );
}
