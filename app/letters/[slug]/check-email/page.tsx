import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getPublicLetter } from "@/lib/letters/get-public-letter";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) notFound();
  const email = (await cookies()).get("signed_email")?.value;

  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:py-20">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-10">
        <div aria-hidden="true" className="grid size-12 place-items-center rounded-full bg-brand-50 text-2xl">
          ✉
        </div>
        <h1 className="mt-5 text-2xl font-bold tracking-tight text-stone-900">Check your email</h1>
        <p className="mt-3 text-stone-700">
          {email ? (
            <>
              We have sent a link to <strong data-testid="signed-email" className="break-all text-stone-900">{email}</strong>.
            </>
          ) : (
            <>We have sent a link to the address you entered.</>
          )}{" "}
          Open it and press <strong>Confirm my signature</strong> to add your name to <em>{letter.title}</em>.
        </p>
        <ul className="mt-6 space-y-2 text-sm text-stone-600">
          <li>• Your signature counts only once it is confirmed.</li>
          <li>• The link works for 7 days. If nothing arrives in a few minutes, look in your spam folder.</li>
          <li>• If you have signed before, we email you to say so instead: each person signs once.</li>
        </ul>
        <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href={`/letters/${slug}#sign`} className="font-medium text-brand-700 hover:underline">
            Wrong address? Sign again
          </Link>
          <Link href={`/letters/${slug}`} className="font-medium text-brand-700 hover:underline">
            Back to the letter
          </Link>
        </p>
      </div>
    </div>
  );
}
