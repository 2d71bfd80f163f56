import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./email-layout";

export interface AdminSignInEmailProps {
  url: string;
}

// In English for everyone, like the admin area it opens.
export function AdminSignInEmail({ url = "http://localhost:3000/api/auth/callback/resend?token=preview" }: AdminSignInEmailProps) {
  return (
    <EmailLayout
      language={{ code: "en", dir: "ltr" }}
      title="Sign in to Open Letters"
      preview="Your link to sign in to the moderation area"
      footer="You are receiving this because someone asked to sign in to the moderation area with this address. Nothing happens unless the link is used."
    >
      <Heading style={styles.heading}>Sign in to Open Letters</Heading>
      <Text style={styles.text}>
        Use this button to sign in to the moderation area. It works once, for 15 minutes.
      </Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={url} style={styles.button}>
          Sign in
        </Button>
      </Section>
      <Text style={styles.small}>
        If you did not ask to sign in, ignore this message: nobody can use it without access to your inbox. The
        link: <Link href={url} style={styles.link}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

export default AdminSignInEmail;
