import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./email-layout";

export interface OrganizationAwaitingReviewEmailProps {
  name: string;
  organizationName: string;
  letterTitle: string;
  letterUrl: string;
}

export function OrganizationAwaitingReviewEmail({
  name = "Ada Example",
  organizationName = "Example Digital Rights Network",
  letterTitle = "Open letter: keep encryption strong",
  letterUrl = "http://localhost:3000/letters/strong-encryption-open-letter",
}: OrganizationAwaitingReviewEmailProps) {
  return (
    <EmailLayout title="Received: waiting for review" preview={`${organizationName}'s signature is confirmed and waiting for review`}>
      <Heading style={styles.heading}>Received: waiting for review</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        Thank you for confirming the signature of <strong>{organizationName}</strong> on{" "}
        <strong>{letterTitle}</strong>. Before an organisation is counted and listed, a moderator checks that the
        signature really comes from it. This usually takes a day or two; we may write to this address if we
        have a question.
      </Text>
      <Text style={styles.text}>
        You can follow the letter here: <Link href={letterUrl} style={styles.link}>{letterUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export default OrganizationAwaitingReviewEmail;
