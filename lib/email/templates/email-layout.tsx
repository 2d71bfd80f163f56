import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// The frame every message shares: a plain, readable column that survives any client.

// `title` names the message for a screen reader or a browser tab that opens it as a page.
export function EmailLayout({ title, preview, children }: { title: string; preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, padding: "32px 28px" }}>
          {children}
          <Hr style={{ borderColor: "#e4e4e7", margin: "28px 0 16px" }} />
          <Section>
            <Text style={{ color: "#71717a", fontSize: 12, lineHeight: "18px", margin: 0 }}>
              You are receiving this because this address was entered on a signature form. We never show
              your email address to anyone. If this was not you, ignore this message and nothing will happen.
            </Text>
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
  link: { color: "#1d4ed8", textDecoration: "underline", overflowWrap: "anywhere" as const, wordBreak: "break-all" as const },
};
