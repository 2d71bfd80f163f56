import { Heading, Link, Text } from "@react-email/components";
import type { ComponentProps, CSSProperties } from "react";
import Markdown, { type Components } from "react-markdown";
import { ENGLISH_EMAIL, type EmailLanguage } from "../email-language";
import { EmailLayout, strong, styles } from "./email-layout";

// An update an admin wrote to the signers who asked for news of a letter: the admin's
// subject and Markdown body as written, in a frame in the signer's language, with the
// link that stops updates. The Markdown becomes plain, styled HTML: raw HTML in it is
// dropped (skipHtml), images too (no tracking pixels, no broken pictures), and links
// keep only safe protocols (react-markdown's default urlTransform).

export interface LetterUpdateEmailProps {
  language?: EmailLanguage;
  letterTitle: string;
  letterUrl: string;
  subject: string;
  body: string;
  unsubscribeUrl: string;
  /** An admin's test copy: says so at the top. */
  test?: boolean;
}

const ALLOWED = ["p", "a", "strong", "em", "ul", "ol", "li", "h1", "h2", "h3", "h4", "blockquote", "br", "hr", "code", "pre", "del"];

const heading: CSSProperties = { ...styles.heading, fontSize: 18, lineHeight: "26px", margin: "20px 0 8px" };
const components: Components = {
  p: ({ children }) => <Text style={styles.text}>{children}</Text>,
  a: ({ href, children }) => (
    <Link href={href} style={styles.link}>
      {children}
    </Link>
  ),
  h1: ({ children }) => <h2 style={heading}>{children}</h2>,
  h2: ({ children }) => <h2 style={heading}>{children}</h2>,
  h3: ({ children }) => <h3 style={{ ...heading, fontSize: 16 }}>{children}</h3>,
  h4: ({ children }) => <h4 style={{ ...heading, fontSize: 16 }}>{children}</h4>,
  ul: ({ children }) => <ul style={{ ...styles.text, paddingInlineStart: 24 }}>{children}</ul>,
  ol: ({ children }) => <ol style={{ ...styles.text, paddingInlineStart: 24 }}>{children}</ol>,
  li: ({ children }) => <li style={{ margin: "0 0 4px" }}>{children}</li>,
  blockquote: ({ children }: ComponentProps<"blockquote">) => (
    <blockquote style={{ borderInlineStart: "3px solid #d4d4d8", color: "#3f3f46", margin: "0 0 16px", paddingInlineStart: 12 }}>{children}</blockquote>
  ),
};

export function LetterUpdateEmail({
  language = ENGLISH_EMAIL,
  letterTitle = "Open letter: keep encryption strong",
  letterUrl = "http://localhost:3000/letters/strong-encryption-open-letter",
  subject = "Delivered to the Council today",
  body = "This morning we handed the letter and its **1,204 signatures** to the Council's secretariat.\n\nThe Council meets on 12 December; we will write again when it answers.",
  unsubscribeUrl = "http://localhost:3000/unsubscribe/preview-token",
  test = false,
}: LetterUpdateEmailProps) {
  const { t } = language;
  return (
    <EmailLayout language={language} title={subject} preview={t("letterUpdate.preview", { title: letterTitle })} footer={t("letterUpdate.why")}>
      {test ? (
        <Text style={{ ...styles.small, backgroundColor: "#fef3c7", borderRadius: 6, color: "#78350f", margin: "0 0 16px", padding: "8px 12px" }}>
          {t("letterUpdate.test")}
        </Text>
      ) : null}
      <Text style={styles.small}>{t.rich("letterUpdate.intro", { title: letterTitle, strong })}</Text>
      {/* The admin's words, in their own direction (an English update to an Arabic signer). */}
      <div dir="auto">
        <Heading style={styles.heading}>{subject}</Heading>
        <Markdown skipHtml allowedElements={ALLOWED} unwrapDisallowed components={components}>
          {body}
        </Markdown>
      </div>
      <Text style={styles.text}>
        {t("letterUpdate.readLetter")} <Link href={letterUrl} style={styles.link}>{letterUrl}</Link>
      </Text>
      <Text style={styles.small}>
        <Link href={unsubscribeUrl} style={styles.link}>
          {t("letterUpdate.unsubscribe")}
        </Link>{" "}
        {t("letterUpdate.unsubscribeHint")}
      </Text>
    </EmailLayout>
  );
}

export default LetterUpdateEmail;
