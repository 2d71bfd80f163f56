import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoticeCard } from "@/components/notice-card";
import { linkClass } from "@/components/link-page-parts";

export default async function UnknownWithdrawalLink() {
  const [t, tLink] = await Promise.all([getTranslations("withdraw"), getTranslations("linkPages")]);
  return (
    <NoticeCard icon="?" title={tLink("invalidTitle")}>
      <p>{t("invalid")}</p>
      <p>{t.rich("invalidHelp", { link: (chunks) => <Link href="/my-data" className={linkClass}>{chunks}</Link> })}</p>
    </NoticeCard>
  );
}
