import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Export signatures" };

export default async function ExportOptionsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireStaffPage("export");
  const letter = await getAdminLetter({ slug: (await params).slug });
  if (!letter) notFound();
  return (
    <div className="max-w-xl">
      <p className="text-sm">
        <Link href="/admin/letters" className="font-medium text-brand-700 hover:underline">
          ← Letters
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-stone-900">Export signatures</h1>
      <p className="mt-1 text-stone-600">{letter.title}</p>
      {/* A plain GET form: the browser downloads the file, no script needed. */}
      <form method="get" action={`/admin/letters/${letter.slug}/export`} className="mt-6 space-y-5 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <p className="text-sm text-stone-700">
          A CSV (UTF-8, one header row) of every counted signature: names, titles, organisations, countries,
          comments and dates. Cells that a spreadsheet could run as a formula are neutralised.
        </p>
        <label className="flex items-start gap-3 rounded-lg bg-stone-50 p-3 text-sm">
          <input type="checkbox" name="emails" value="1" className="mt-0.5 size-4 accent-brand-600" />
          <span>
            <span className="font-medium text-stone-900">Include email addresses</span>
            <span className="block text-stone-600">
              Only when you need to write to signers. The export, and whether it held emails, is kept in the audit log.
            </span>
          </span>
        </label>
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700">
          Download CSV
        </button>
      </form>
    </div>
  );
}
