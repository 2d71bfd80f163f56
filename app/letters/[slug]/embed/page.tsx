import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyButton, EmbedBuilder } from "@/components/embed-builder";
import { getEnv } from "@/lib/env";
import { getPublicLetter } from "@/lib/letters/get-public-letter";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await getPublicLetter({ slug: (await params).slug });
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: letter ? `Embed: ${letter.title}` : "Letter not found",
    robots: { index: false },
  };
}

export default async function EmbedPage({ params }: Props) {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) notFound();
  const origin = getEnv().APP_URL;
  const badge = `${origin}/api/letters/${slug}/badge.svg`;
  const markdown = `[![Signatures](${badge})](${origin}/letters/${slug})`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <p className="text-sm">
        <Link href={`/letters/${slug}`} className="font-medium text-brand-700 hover:underline">
          ← {letter.title}
        </Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900">Embed the live counter</h1>
      <p className="mt-3 max-w-2xl text-stone-700">
        Show how many have signed on your own site. The counter links to this letter, so your readers can sign here.
      </p>
      <div className="mt-8 rounded-xl border border-stone-200 bg-white p-5 sm:p-6">
        <EmbedBuilder slug={slug} origin={origin} />
      </div>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="badge-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <div className="flex items-center justify-between gap-3">
            <h2 id="badge-heading" className="text-base font-semibold text-stone-900">Badge</h2>
            <CopyButton text={markdown} label="Copy Markdown" />
          </div>
          <p className="mt-1 text-sm text-stone-600">An image with the count, for READMEs and places that do not allow scripts.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served by this app, shown as it is */}
          <img src={`/api/letters/${slug}/badge.svg`} alt="Signature count badge" className="mt-4 h-5" />
          <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-stone-100 p-3 text-xs text-stone-800">{markdown}</pre>
        </section>
        <section aria-labelledby="json-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 id="json-heading" className="text-base font-semibold text-stone-900">Counts as JSON</h2>
          <p className="mt-1 text-sm text-stone-600">
            Open to any site (CORS), with ETag and Cache-Control; counts trail the truth by at most 5 seconds.
          </p>
          <ul className="mt-3 space-y-1.5 text-sm">
            <li>
              <a href={`/api/letters/${slug}/counts`} className="font-mono text-brand-700 hover:underline">/api/letters/{slug}/counts</a>
            </li>
            <li>
              <a href={`/api/letters/${slug}/history`} className="font-mono text-brand-700 hover:underline">/api/letters/{slug}/history</a>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
