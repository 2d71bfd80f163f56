import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailLanguage } from "../email-language";

// The frame every message shares: a plain, readable column that survives any client,
// in the message's language and direction. `dir` is set on the column as well as on
// <html>: some clients drop the document's attributes when they show a message.

// `title` names the message for a screen reader or a browser tab that opens it as a page.
export function EmailLayout({
  language,
  title,
  preview,
  footer,
  children,
}: {
  language: Pick<EmailLanguage, "code" | "dir">;
  title: string;
  preview: string;
  /** The closing note; the admin sign-in message, in English for everyone, brings its own. */
  footer: string;
  children: ReactNode;
}) {
  return (
    <Html lang={language.code} dir={language.dir}>
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container dir={language.dir} style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, padding: "32px 28px", textAlign: "start" }}>
          {children}
          <Hr style={{ borderColor: "#e4e4e7", margin: "28px 0 16px" }} />
          <Section>
            <Text style={{ color: "#71717a", fontSize: 12, lineHeight: "18px", margin: 0 }}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  heading: { color: "#18181b", fontSize: 22, fontWeight: 700, lineHeight: "30px", margin: "0 0 16px" },
  text: { color: "#27272a", fontSize: 16, lineHeight: "26px", margin: "0 0 16px" },
  button: {
    backgroundColor: "#1d4ed8",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 16,
    fontWeight: 600,
    padding: "12px 22px",
    textDecoration: "none",
  },
  small: { color: "#52525b", fontSize: 14, lineHeight: "22px", margin: "16px 0 0" },
  // Underlined: in a paragraph, colour alone does not tell a link from the text around it.
  // A long address breaks where it must; words ("Withdraw my signature") break only
  // between words, never inside one (which would also pull Arabic's joined letters apart).
  link: { color: "#1d4ed8", textDecoration: "underline", overflowWrap: "anywhere" as const, wordBreak: "break-word" as const },
};

/**
 * `<strong>` in a message's rich text. What it holds (a letter's title, an organisation's
 * name) may run the other way from the message: dir="auto" isolates it and takes its
 * direction from its own first letter, so an English title in an Arabic sentence keeps
 * its punctuation at its end.
 */
export const strong = (chunks: ReactNode) => <strong dir="auto">{chunks}</strong>;
