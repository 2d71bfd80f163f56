import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignatoryDownloads } from "@/components/signatory-downloads";
import { SignatoryList } from "@/components/signatory-list";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { isValidCursor, listPublicSignatures } from "@/lib/signatures/list-public-signatures";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ kind?: string; cursor?: string }>;
};

/** The listed signatories past the letter page's first page, one kind at a time, by cursor. */
export default async function SignatoriesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const letter = await getPublicLetter({ slug });
  if (!letter) notFound();
  const kind = query.kind === "organization" ? "organization" : "individual";
  const cursor = isValidCursor(query.cursor) ? query.cursor : undefined;
  const page = await listPublicSignatures({ letterId: letter.id, kind, cursor });
  const heading = kind === "organization" ? "Organisations" : "Individuals";
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <p className="text-sm">
        <Link href={`/letters/${slug}#signatories`} className="font-medium text-brand-700 hover:underline">
          ← {letter.title}
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-stone-900">Signatories</h1>
      <p className="mt-1 text-sm text-stone-600">Confirmed signers who chose to be listed, in the order they signed.</p>
      <SignatoryDownloads slug={slug} kind={kind} />
      <div className="mt-6">
        <SignatoryList
          heading={heading}
          page={page}
          moreHref={page.nextCursor ? `/letters/${slug}/signatories?kind=${kind}&cursor=${encodeURIComponent(page.nextCursor)}` : null}
          empty={`No more ${heading.toLowerCase()} are listed.`}
          testId={`${kind}-signatories`}
          slug={slug}
        />
      </div>
    </div>
  );
}
