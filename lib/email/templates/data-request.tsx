import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { ENGLISH_EMAIL, type EmailLanguage } from "../email-language";
import { EmailLayout, styles } from "./email-layout";

export interface DataRequestEmailProps {
  language?: EmailLanguage;
  dataUrl: string;
  signatureCount: number;
}

export function DataRequestEmail({
  language = ENGLISH_EMAIL,
  dataUrl = "http://localhost:3000/my-data/preview-token",
  signatureCount = 2,
}: DataRequestEmailProps) {
  const { t } = language;
  return (
    <EmailLayout language={language} title={t("dataRequest.heading")} preview={t("dataRequest.preview")} footer={t("footer")}>
      <Heading style={styles.heading}>{t("dataRequest.heading")}</Heading>
      <Text style={styles.text}>{t("dataRequest.asked", { count: signatureCount })}</Text>
      <Text style={styles.text}>{t("dataRequest.whatTheLinkDoes")}</Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={dataUrl} style={styles.button}>
          {t("dataRequest.button")}
        </Button>
      </Section>
      <Text style={styles.small}>
        {t("dataRequest.linkLifetime")} {t("pasteLink")}{" "}
        <Link href={dataUrl} style={styles.link}>
          {dataUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export default DataRequestEmail;
