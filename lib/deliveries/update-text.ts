import type { DeliveryMethod } from "../validation/delivery";

// A suggested update to the signers who asked for news, written from a delivery or from
// the addressee's response: the admin reads it in the update editor, changes what they
// like and sends it (helper U's updates). English for now; the letter itself may not be.

export interface UpdateText {
  subject: string;
  markdown: string;
}

export interface DeliveryForUpdate {
  deliveredTo: string;
  deliveredOn: Date;
  method: string;
  link?: string | null;
  note?: string | null;
  responseReceivedOn?: Date | null;
  responseFrom?: string | null;
  responseText?: string | null;
}

const HOW: Record<DeliveryMethod, string> = {
  in_person: "handed over in person to",
  email: "sent by email to",
  post: "sent by post to",
  online: "submitted online to",
  other: "delivered to",
};

const day = (date: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);

/** Text typed by an admin, shown as typed: Markdown's marks in it (inline, or opening a line) are escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]()<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+\-=>]|\d+(?=[.)]))/gm, (_, space: string, mark: string) => `${space}${/\d/.test(mark) ? `${mark}\\` : `\\${mark}`}`);
}

/** Subject lines are one line of plain text, at most 150 characters. */
const subjectLine = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 150 ? `${line.slice(0, 149).trimEnd()}…` : line;
};

export function deliveryUpdateText({
  letter,
  delivery,
  about,
  letterUrl,
}: {
  letter: { title: string };
  delivery: DeliveryForUpdate;
  /** the delivery itself, or the response to it */
  about: "delivery" | "response";
  /** the letter page's address, for the closing link */
  letterUrl: string;
}): UpdateText {
  const title = escapeMarkdown(letter.title);
  const closing = `[Read the letter and see its timeline](${letterUrl})`;
  if (about === "response") {
    if (!delivery.responseReceivedOn || !delivery.responseFrom || !delivery.responseText) throw new Error("this delivery has no response yet");
    const quoted = delivery.responseText
      .trim()
      .split("\n")
      .map((line) => (line.trim() ? `> ${escapeMarkdown(line.trim())}` : ">"))
      .join("\n");
    return {
      subject: subjectLine(`${delivery.responseFrom} responded to “${letter.title}”`),
      markdown: [
        `On ${day(delivery.responseReceivedOn)}, ${escapeMarkdown(delivery.responseFrom)} responded to **${title}**, which you signed. Their response:`,
        quoted,
        closing,
      ].join("\n\n"),
    };
  }
  const how = HOW[delivery.method as DeliveryMethod] ?? HOW.other;
  const paragraphs = [
    `On ${day(delivery.deliveredOn)}, **${title}**, which you signed, was ${how} ${escapeMarkdown(delivery.deliveredTo)}, with the names of everyone who chose to be listed.`,
  ];
  if (delivery.note?.trim()) paragraphs.push(escapeMarkdown(delivery.note.trim()));
  if (delivery.link) paragraphs.push(`[More about the delivery](${delivery.link})`);
  paragraphs.push("We will tell you when they respond.", closing);
  return { subject: subjectLine(`Delivered to ${delivery.deliveredTo}: “${letter.title}”`), markdown: paragraphs.join("\n\n") };
}
