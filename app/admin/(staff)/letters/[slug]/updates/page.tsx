import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { plural } from "@/lib/format";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { listLetterUpdates } from "@/lib/updates/list-letter-updates";
import { countUpdateRecipients } from "@/lib/updates/update-recipients";
import { UpdateFiguresList, UpdateStatus, when } from "./update-parts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Updates" };

const link = "font-medium text-brand-700 hover:underline";

// Admins write and send updates; moderators may read them and their figures.
export default async function UpdatesPage({ params }: { params: Promise<{ slug: string }> }) {
  const staff = await requireStaffPage("moderate");
  const canSend = can(staff.role, "send_updates");
  const { slug } = await params;
  const letter = await getAdminLetter({ slug });
  if (!letter) notFound();
  const [updates, eligible] = await Promise.all([listLetterUpdates({ letterId: letter.id }), countUpdateRecipients({ letterId: letter.id })]);

  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/letters" className={link}>← Letters</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-stone-900">Updates to signers</h1>
          <p className="mt-1 text-stone-700">{letter.title}</p>
        </div>
        {canSend ? (
          <Link href={`/admin/letters/${slug}/updates/new`}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Write an update
          </Link>
        ) : null}
      </div>
      <p className="mt-3 max-w-2xl text-sm text-stone-600" data-testid="eligible-now">
        {plural(eligible, "signer", "signers")} can receive an update now: confirmed, still standing, and
        they ticked &ldquo;Tell me about this letter&apos;s progress&rdquo; and have not stopped it.
      </p>
      {updates.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-600">No updates yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
          {updates.map((update) => (
            <li key={update.id} data-testid="update-row" className="space-y-2 p-4">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link href={`/admin/letters/${slug}/updates/${update.id}`} className={`${link} min-w-0 break-words`} dir="auto">
                  {update.subject}
                </Link>
                <UpdateStatus status={update.status} />
                <span className="text-xs text-stone-600">
                  {update.sendStartedAt ? `Sent ${when.format(update.sendStartedAt)} UTC` : `Saved ${when.format(update.updatedAt)} UTC`}
                </span>
              </div>
              {update.status !== "draft" ? <UpdateFiguresList figures={update.figures} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
