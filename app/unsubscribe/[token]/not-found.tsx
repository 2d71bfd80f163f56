import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { NoticeCard } from "@/components/notice-card";
import { linkClass } from "@/components/link-page-parts";

export default async function UnknownUnsubscribeLink() {
  const [t, tLink] = await Promise.all([getTranslations("unsubscribe"), getTranslations("linkPages")]);
  const link = await languageLinks();
  return (
    <NoticeCard icon="?" title={tLink("invalidTitle")}>
      <p>{t("invalid")}</p>
      <p>{t.rich("invalidHelp", { link: (chunks) => <Link href={link("/my-data")} className={linkClass}>{chunks}</Link> })}</p>
    </NoticeCard>
  );
}
