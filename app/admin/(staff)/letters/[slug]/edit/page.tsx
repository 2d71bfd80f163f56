import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterEditor } from "@/components/admin/letter-editor";
import { StatusBadge } from "@/components/admin/status-badge";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { effectiveStatus } from "@/lib/letters/effective-status";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { closesAtField } from "@/lib/validation/letter";
import { updateLetterAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit letter" };

export default async function EditLetterPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireStaffPage("manage_letters");
  const letter = await getAdminLetter({ slug: (await params).slug });
  if (!letter) notFound();
  const shown = effectiveStatus(letter);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/letters" className="font-medium text-brand-700 hover:underline">← Letters</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Edit letter</h1>
        <StatusBadge status={shown} />
        <Link href={letter.status === "draft" ? `/admin/letters/${letter.slug}/preview` : `/letters/${letter.slug}`}
          className="text-sm font-medium text-brand-700 hover:underline">
          {letter.status === "draft" ? "Preview" : "View public page"}
        </Link>
        <Link href={`/admin/letters/${letter.slug}/translations`} className="text-sm font-medium text-brand-700 hover:underline">Translations</Link>
      </div>
      {shown !== letter.status ? (
        <p className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Its closing date has passed, so the public sees it as closed. Move the date to reopen it.
        </p>
      ) : null}
      <div className="mt-6">
        <LetterEditor
          action={updateLetterAction.bind(null, letter.slug)}
          isNew={false}
          defaults={{
            title: letter.title, slug: letter.slug, summary: letter.summary, body: letter.body, kind: letter.kind,
            status: letter.status, closesAt: closesAtField(letter.closesAt), goal: letter.goal ? String(letter.goal) : "",
            addressedTo: letter.addressedTo, allowIndividuals: letter.allowIndividuals,
            allowOrganizations: letter.allowOrganizations, autoApproveMatchingDomain: letter.autoApproveMatchingDomain,
            proofOfWork: letter.proofOfWork, proofOfWorkBusyPerMinute: String(letter.proofOfWorkBusyPerMinute),
            anonymizeAfterMonths: String(letter.anonymizeAfterMonths),
          }}
        />
      </div>
    </div>
  );
}
