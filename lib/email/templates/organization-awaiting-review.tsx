import { Heading, Link, Text } from "@react-email/components";
import { ENGLISH_EMAIL, type EmailLanguage } from "../email-language";
import { EmailLayout, strong, styles } from "./email-layout";

export interface OrganizationAwaitingReviewEmailProps {
  language?: EmailLanguage;
  name: string;
  organizationName: string;
  letterTitle: string;
  letterUrl: string;
}

export function OrganizationAwaitingReviewEmail({
  language = ENGLISH_EMAIL,
  name = "Ada Example",
  organizationName = "Example Digital Rights Network",
  letterTitle = "Open letter: keep encryption strong",
  letterUrl = "http://localhost:3000/letters/strong-encryption-open-letter",
}: OrganizationAwaitingReviewEmailProps) {
  const { t } = language;
  return (
    <EmailLayout
      language={language}
      title={t("organizationAwaitingReview.heading")}
      preview={t("organizationAwaitingReview.preview", { organization: organizationName })}
      footer={t("footer")}
    >
      <Heading style={styles.heading}>{t("organizationAwaitingReview.heading")}</Heading>
      <Text style={styles.text}>{t("hello", { name })}</Text>
      <Text style={styles.text}>
        {t.rich("organizationAwaitingReview.thanks", { organization: organizationName, title: letterTitle, strong })}
      </Text>
      <Text style={styles.text}>
        {t("organizationAwaitingReview.follow")} <Link href={letterUrl} style={styles.link}>{letterUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export default OrganizationAwaitingReviewEmail;
