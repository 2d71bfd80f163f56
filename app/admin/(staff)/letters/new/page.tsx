import type { Metadata } from "next";
import Link from "next/link";
import { LetterEditor } from "@/components/admin/letter-editor";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { createLetterAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New letter" };

export default async function NewLetterPage() {
  await requireStaffPage("manage_letters");
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/letters" className="font-medium text-brand-700 hover:underline">← Letters</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">New letter</h1>
      <p className="mt-1 text-sm text-stone-600">A letter starts as a draft: only admins see it until its status is open.</p>
      <div className="mt-6">
        <LetterEditor
          action={createLetterAction}
          isNew
          defaults={{
            title: "", slug: "", summary: "", body: "", kind: "open_letter", status: "draft", closesAt: "", goal: "",
            addressedTo: "", allowIndividuals: true, allowOrganizations: true, autoApproveMatchingDomain: false,
            proofOfWork: "off", proofOfWorkBusyPerMinute: "120",
            anonymizeAfterMonths: "6",
          }}
        />
      </div>
    </div>
  );
}
