import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./email-layout";

export interface WebhookDisabledEmailProps {
  endpointUrl: string;
  reason: string;
  adminUrl: string;
}

// To every admin, in English like the admin area, when deliveries to an endpoint kept failing.
export function WebhookDisabledEmail({
  endpointUrl = "https://hooks.example.org/letters",
  reason = "Nothing reached it for a day: the last answer was HTTP 500.",
  adminUrl = "http://localhost:3000/admin/webhooks/preview",
}: WebhookDisabledEmailProps) {
  return (
    <EmailLayout
      language={{ code: "en", dir: "ltr" }}
      title="A webhook endpoint was turned off"
      preview={`Webhooks to ${endpointUrl} kept failing and are paused`}
      footer="You are receiving this because you are an admin of Open Letters."
    >
      <Heading style={styles.heading}>A webhook endpoint was turned off</Heading>
      <Text style={styles.text}>Deliveries to {endpointUrl} kept failing, so no more are sent to it. {reason}</Text>
      <Text style={styles.text}>
        While it is off, new events are not queued for it. Once it answers again, turn it back on: deliveries that were
        still waiting go out then, and failed ones can be sent again from its page.
      </Text>
      <Section style={{ margin: "8px 0 8px" }}>
        <Button href={adminUrl} style={styles.button}>
          Open the endpoint
        </Button>
      </Section>
    </EmailLayout>
  );
}

export default WebhookDisabledEmail;
