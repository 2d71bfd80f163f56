import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./email-layout";

export interface AlreadySignedEmailProps {
  letterTitle: string;
  letterUrl: string;
  withdrawUrl: string;
}

export function AlreadySignedEmail({
  letterTitle = "Open letter: keep encryption strong",
  letterUrl = "http://localhost:3000/letters/strong-encryption-open-letter",
  withdrawUrl = "http://localhost:3000/withdraw/preview-token",
}: AlreadySignedEmailProps) {
  return (
    <EmailLayout title="You have already signed" preview={`You have already signed "${letterTitle}"`}>
      <Heading style={styles.heading}>You have already signed</Heading>
      <Text style={styles.text}>
        Someone, probably you, tried to sign <strong>{letterTitle}</strong> again with this address. Your
        earlier signature is confirmed and still counts, so there is nothing more to do: each person signs a
        letter once.
      </Text>
      <Text style={styles.text}>
        The best way to help now is to share the letter: <Link href={letterUrl} style={styles.link}>{letterUrl}</Link>
      </Text>
      <Text style={styles.small}>
        If you no longer want to be a signatory, you can withdraw your signature at any time:{" "}
        <Link href={withdrawUrl} style={styles.link}>
          Withdraw my signature
        </Link>
        . It stops counting at once, and your name, address and comment are deleted.
      </Text>
    </EmailLayout>
  );
}

export default AlreadySignedEmail;
