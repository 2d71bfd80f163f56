import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { NoticeCard } from "@/components/notice-card";
import { linkClass } from "@/components/link-page-parts";
import { requestMyDataAction } from "./actions";
import { DataRequestForm } from "./data-request-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myData");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ sent?: string; erased?: string }> };

export default async function MyDataPage({ searchParams }: Props) {
  const { sent, erased } = await searchParams;
  const [t, tLink] = await Promise.all([getTranslations("myData"), getTranslations("linkPages")]);
  const link = await languageLinks();
  if (erased) {
    return (
      <NoticeCard icon="✓" title={t("erasedTitle")}>
        <p data-testid="erased">{t("erased")}</p>
        <p>
          <Link href={link("/")} className={linkClass}>
            {tLink("backToLetters")}
          </Link>
        </p>
      </NoticeCard>
    );
  }
  if (sent) {
    return (
      <NoticeCard icon="✉" title={t("sentTitle")}>
        <p data-testid="sent">{t("sent")}</p>
        <p className="text-sm text-stone-600">
          {t.rich("nothingArrived", { link: (chunks) => <Link href={link("/my-data")} className={linkClass}>{chunks}</Link> })}
        </p>
      </NoticeCard>
    );
  }
  return (
    <NoticeCard icon="✉" title={t("askTitle")}>
      <p>{t("askIntro")}</p>
      <DataRequestForm action={requestMyDataAction} words={{ emailLabel: t("emailLabel"), sendLink: t("sendLink") }} />
      <p className="text-sm text-stone-600">{t("onlyToAddress")}</p>
    </NoticeCard>
  );
}
