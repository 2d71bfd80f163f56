import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { strong } from "@/components/link-page-parts";
import { languageLinks } from "@/lib/i18n/language-links";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { letterTitleIn } from "@/lib/letters/letter-title-in";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkEmail");
  return { title: t("title"), robots: { index: false } };
}

export default async function CheckEmailPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) notFound();
  const email = (await cookies()).get("signed_email")?.value;
  const [t, tVerify, tLink, locale] = await Promise.all([getTranslations("checkEmail"), getTranslations("verify"), getTranslations("linkPages"), getLocale()]);
  const link = await languageLinks();
  const title = await letterTitleIn({ letter, language: locale });

  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:py-20">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-10">
        <div aria-hidden="true" className="grid size-12 place-items-center rounded-full bg-brand-50 text-2xl">
          ✉
        </div>
        <h1 className="mt-5 text-2xl font-bold tracking-tight text-stone-900">{t("title")}</h1>
        <p className="mt-3 text-stone-700">
          {email
            ? t.rich("sentTo", {
                email,
                strong: (chunks) => (
                  <strong data-testid="signed-email" className="break-all text-stone-900" dir="ltr">
                    {chunks}
                  </strong>
                ),
              })
            : t("sentToEntered")}{" "}
          {t.rich("openIt", {
            button: tVerify("confirmButton"),
            title,
            strong,
            em: (chunks) => <em>{chunks}</em>,
          })}
        </p>
        <ul className="mt-6 space-y-2 text-sm text-stone-600">
          <li>• {t("countsOnceConfirmed")}</li>
          <li>• {t("linkWorks")}</li>
          <li>• {t("signedBefore")}</li>
        </ul>
        <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href={link(`/letters/${slug}#sign`)} className="font-medium text-brand-700 hover:underline">
            {t("signAgain")}
          </Link>
          <Link href={link(`/letters/${slug}`)} className="font-medium text-brand-700 hover:underline">
            {tLink("backToLetter")}
          </Link>
        </p>
      </div>
    </div>
  );
}
