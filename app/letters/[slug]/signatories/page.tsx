import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SignatoryDownloads } from "@/components/signatory-downloads";
import { SignatoryList } from "@/components/signatory-list";
import { languageLinks } from "@/lib/i18n/language-links";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { letterInLanguage } from "@/lib/letters/letter-in-language";
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
  const locale = await getLocale();
  const [page, t, text, link] = await Promise.all([
    listPublicSignatures({ letterId: letter.id, kind, cursor }),
    getTranslations("letter"),
    letterInLanguage({ letter, language: locale }),
    languageLinks(),
  ]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <p className="text-sm">
        <Link href={link(`/letters/${slug}#signatories`)} className="font-medium text-brand-700 hover:underline">
          {t.rich("backToLetter", {
            title: text.title,
            letter: (chunks) => (
              <span lang={text.language} dir={text.dir}>
                {chunks}
              </span>
            ),
          })}
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-bold tracking-tight text-stone-900">{t("signatories")}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("signatoriesIntro")}</p>
      <SignatoryDownloads slug={slug} kind={kind} />
      <div className="mt-6">
        <SignatoryList
          kind={kind}
          heading={kind === "organization" ? t("organizations") : t("individuals")}
          page={page}
          moreHref={page.nextCursor ? link(`/letters/${slug}/signatories?kind=${kind}&cursor=${encodeURIComponent(page.nextCursor)}`) : null}
          empty={kind === "organization" ? t("noMoreOrganizations") : t("noMoreIndividuals")}
          slug={slug}
        />
      </div>
    </div>
  );
}
