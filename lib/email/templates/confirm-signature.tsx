import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./email-layout";

export interface ConfirmSignatureEmailProps {
  name: string;
  letterTitle: string;
  confirmUrl: string;
  withdrawUrl: string;
  notMeUrl: string;
  organizationName?: string;
}

export function ConfirmSignatureEmail({
  name = "Ada Example",
  letterTitle = "Open letter: keep encryption strong",
  confirmUrl = "http://localhost:3000/verify/preview-token",
  withdrawUrl = "http://localhost:3000/withdraw/preview-token",
  notMeUrl = "http://localhost:3000/withdraw/preview-token?reason=not-me",
  organizationName,
}: ConfirmSignatureEmailProps) {
  return (
    <EmailLayout title="Confirm your signature" preview={`One click to confirm your signature on "${letterTitle}"`}>
      <Heading style={styles.heading}>Confirm your signature</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        {organizationName ? (
          <>
            You asked to sign <strong>{letterTitle}</strong> on behalf of <strong>{organizationName}</strong>.
          </>
        ) : (
          <>
            You asked to sign <strong>{letterTitle}</strong>.
          </>
        )}{" "}
        Your signature counts once you confirm that this address is yours.
      </Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={confirmUrl} style={styles.button}>
          Confirm my signature
        </Button>
      </Section>
      <Text style={styles.small}>
        The link works for 7 days and opens a page with a button; nothing is counted until you press it. If the
        button does not work, paste this address into your browser:{" "}
        <Link href={confirmUrl} style={styles.link}>
          {confirmUrl}
        </Link>
      </Text>
      <Text style={styles.small}>
        <strong>Not you?</strong> If you did not ask to sign, someone else typed your address.{" "}
        <Link href={notMeUrl} style={styles.link}>
          This was not me
        </Link>{" "}
        removes it; nothing of yours is kept.
      </Text>
      <Text style={styles.small}>
        Changed your mind later? You can withdraw your signature at any time, before or after confirming, with
        this link (keep this email):{" "}
        <Link href={withdrawUrl} style={styles.link}>
          Withdraw my signature
        </Link>
      </Text>
    </EmailLayout>
  );
}

export default ConfirmSignatureEmail;
