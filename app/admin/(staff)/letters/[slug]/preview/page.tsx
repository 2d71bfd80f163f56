import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LetterBody } from "@/components/letter-body";
import { LetterHeading } from "@/components/letter-heading";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { STATUS_LABEL } from "@/lib/format";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview" };

// Drafts do not exist for the public (getPublicLetter); admins read them here.
export default async function PreviewLetterPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireStaffPage("manage_letters");
  const letter = await getAdminLetter({ slug: (await params).slug });
  if (!letter) notFound();
  return (
    <div>
      <div role="note" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
        <span>
          Preview · {STATUS_LABEL[letter.status] ?? letter.status}
          {letter.status === "draft" ? ": only admins can see this letter." : null}
        </span>
        <Link href={`/admin/letters/${letter.slug}/edit`} className="font-medium underline">Edit</Link>
      </div>
      <article aria-labelledby="letter-title" className="mx-auto mt-8 max-w-3xl">
        <LetterHeading letter={letter} />
        <div className="mt-8 border-t border-stone-200 pt-8">
          <LetterBody markdown={letter.body} />
        </div>
      </article>
    </div>
  );
}
