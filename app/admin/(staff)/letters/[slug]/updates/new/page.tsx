import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { UpdateEditor } from "@/components/admin/update-editor";
import { saveUpdateAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Write an update" };

export default async function NewUpdatePage({ params }: { params: Promise<{ slug: string }> }) {
  await requireStaffPage("send_updates");
  const { slug } = await params;
  const letter = await getAdminLetter({ slug });
  if (!letter) notFound();
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link href={`/admin/letters/${slug}/updates`} className="font-medium text-brand-700 hover:underline">← Updates</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">Write an update</h1>
      <p className="mt-1 text-stone-700">{letter.title}</p>
      <p className="mt-2 text-sm text-stone-600">
        Saving keeps a draft and shows the email exactly as signers will get it. Nothing is sent until you send a test or send it to signers.
      </p>
      <div className="mt-6">
        <UpdateEditor action={saveUpdateAction.bind(null, slug, null)} defaults={{ subject: "", body: "" }} saveLabel="Save and preview" />
      </div>
    </div>
  );
}
