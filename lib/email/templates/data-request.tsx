import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./email-layout";

export interface DataRequestEmailProps {
  dataUrl: string;
  signatureCount: number;
}

export function DataRequestEmail({ dataUrl = "http://localhost:3000/my-data/preview-token", signatureCount = 2 }: DataRequestEmailProps) {
  return (
    <EmailLayout title="Your data" preview="The link to see, download or erase what we hold about you">
      <Heading style={styles.heading}>Your data</Heading>
      <Text style={styles.text}>
        Someone, probably you, asked to see what we hold about this email address. It has signed{" "}
        {signatureCount === 1 ? "one letter" : `${signatureCount} letters`}.
      </Text>
      <Text style={styles.text}>
        The link below shows every signature made with this address, lets you download all of it as a file, withdraw
        any signature, or erase everything.
      </Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={dataUrl} style={styles.button}>
          See my data
        </Button>
      </Section>
      <Text style={styles.small}>
        The link works for one hour and only for this address. If you did not ask for it, ignore this message: nothing
        changes unless the link is used. If the button does not work, paste this address into your browser:{" "}
        <Link href={dataUrl} style={styles.link}>
          {dataUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

export default DataRequestEmail;
