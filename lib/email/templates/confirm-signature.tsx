import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { TOKEN_LIFETIME_MS } from "../../signatures/tokens";
import { ENGLISH_EMAIL, type EmailLanguage } from "../email-language";
import { EmailLayout, strong, styles } from "./email-layout";

export interface ConfirmSignatureEmailProps {
  language?: EmailLanguage;
  name: string;
  letterTitle: string;
  confirmUrl: string;
  withdrawUrl: string;
  notMeUrl: string;
  organizationName?: string;
}

const LINK_DAYS = Math.round(TOKEN_LIFETIME_MS / (24 * 60 * 60 * 1000));

export function ConfirmSignatureEmail({
  language = ENGLISH_EMAIL,
  name = "Ada Example",
  letterTitle = "Open letter: keep encryption strong",
  confirmUrl = "http://localhost:3000/verify/preview-token",
  withdrawUrl = "http://localhost:3000/withdraw/preview-token",
  notMeUrl = "http://localhost:3000/withdraw/preview-token?reason=not-me",
  organizationName,
}: ConfirmSignatureEmailProps) {
  const { t } = language;
  return (
    <EmailLayout
      language={language}
      title={t("confirmSignature.heading")}
      preview={t("confirmSignature.preview", { title: letterTitle })}
      footer={t("footer")}
    >
      <Heading style={styles.heading}>{t("confirmSignature.heading")}</Heading>
      <Text style={styles.text}>{t("hello", { name })}</Text>
      <Text style={styles.text}>
        {organizationName
          ? t.rich("confirmSignature.askedForOrganization", { title: letterTitle, organization: organizationName, strong })
          : t.rich("confirmSignature.asked", { title: letterTitle, strong })}{" "}
        {t("confirmSignature.countsOnceConfirmed")}
      </Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={confirmUrl} style={styles.button}>
          {t("confirmSignature.button")}
        </Button>
      </Section>
      <Text style={styles.small}>
        {t("confirmSignature.linkLifetime", { days: LINK_DAYS })} {t("pasteLink")}{" "}
        <Link href={confirmUrl} style={styles.link}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={styles.small}>{t.rich("confirmSignature.notYou", { strong, link: link(notMeUrl) })}</Text>
      <Text style={styles.small}>{t.rich("confirmSignature.withdraw", { link: link(withdrawUrl) })}</Text>
    </EmailLayout>
  );
}

/** `<link>` in a message's rich text, to `href`. */
function link(href: string) {
  return function linked(chunks: ReactNode) {
    return (
      <Link href={href} style={styles.link}>
        {chunks}
      </Link>
    );
  };
}

export default ConfirmSignatureEmail;
