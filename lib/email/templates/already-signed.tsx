import { Heading, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { ENGLISH_EMAIL, type EmailLanguage } from "../email-language";
import { EmailLayout, strong, styles } from "./email-layout";

export interface AlreadySignedEmailProps {
  language?: EmailLanguage;
  letterTitle: string;
  letterUrl: string;
  withdrawUrl: string;
}

export function AlreadySignedEmail({
  language = ENGLISH_EMAIL,
  letterTitle = "Open letter: keep encryption strong",
  letterUrl = "http://localhost:3000/letters/strong-encryption-open-letter",
  withdrawUrl = "http://localhost:3000/withdraw/preview-token",
}: AlreadySignedEmailProps) {
  const { t } = language;
  const link = (chunks: ReactNode) => (
    <Link href={withdrawUrl} style={styles.link}>
      {chunks}
    </Link>
  );
  return (
    <EmailLayout
      language={language}
      title={t("alreadySigned.heading")}
      preview={t("alreadySigned.preview", { title: letterTitle })}
      footer={t("footer")}
    >
      <Heading style={styles.heading}>{t("alreadySigned.heading")}</Heading>
      <Text style={styles.text}>{t.rich("alreadySigned.tried", { title: letterTitle, strong })}</Text>
      <Text style={styles.text}>
        {t("alreadySigned.share")} <Link href={letterUrl} style={styles.link}>{letterUrl}</Link>
      </Text>
      <Text style={styles.small}>{t.rich("alreadySigned.withdraw", { link })}</Text>
    </EmailLayout>
  );
}

export default AlreadySignedEmail;
