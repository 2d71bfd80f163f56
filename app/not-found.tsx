import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoticeCard } from "@/components/notice-card";
import { languageLinks } from "@/lib/i18n/language-links";

export default async function NotFound() {
  const [t, link] = await Promise.all([getTranslations("notFound"), languageLinks()]);
  return (
    <NoticeCard icon="?" title={t("title")}>
      <p>{t("body")}</p>
      <p>
        <Link href={link("/")} className="font-medium text-brand-700 hover:underline">
          {t("seeAll")}
        </Link>
      </p>
    </NoticeCard>
  );
}
