import { describe, expect, it } from "vitest";
import { deliveryUpdateText, escapeMarkdown } from "./update-text";

const letter = { title: "Keep encryption strong" };
const letterUrl = "https://letters.example/letters/keep-encryption-strong";
const delivery = {
  deliveredTo: "the City Council",
  deliveredOn: new Date("2026-11-20T00:00:00Z"),
  method: "in_person",
  link: "https://news.example/handed-over",
  note: "Twelve volunteers came along.",
};

describe("deliveryUpdateText", () => {
  it("tells signers to whom, when and how the letter was delivered, with its link and the letter page", () => {
    const { subject, markdown } = deliveryUpdateText({ letter, delivery, about: "delivery", letterUrl });
    expect(subject).toBe("Delivered to the City Council: “Keep encryption strong”");
    expect(markdown).toBe(
      "On 20 November 2026, **Keep encryption strong**, which you signed, was handed over in person to the City Council, " +
        "with the names of everyone who chose to be listed.\n\n" +
        "Twelve volunteers came along.\n\n" +
        "[More about the delivery](https://news.example/handed-over)\n\n" +
        "We will tell you when they respond.\n\n" +
        `[Read the letter and see its timeline](${letterUrl})`,
    );
  });

  it("quotes the response, paragraph by paragraph", () => {
    const answered = { ...delivery, responseReceivedOn: new Date("2026-11-27T00:00:00Z"), responseFrom: "The Mayor", responseText: "Thank you.\n\nWe will *consider* it." };
    const { subject, markdown } = deliveryUpdateText({ letter, delivery: answered, about: "response", letterUrl });
    expect(subject).toBe("The Mayor responded to “Keep encryption strong”");
    expect(markdown).toContain("On 27 November 2026, The Mayor responded to **Keep encryption strong**, which you signed. Their response:");
    expect(markdown).toContain("> Thank you.\n>\n> We will \\*consider\\* it.");
    expect(markdown.endsWith(`[Read the letter and see its timeline](${letterUrl})`)).toBe(true);
  });

  it("refuses to write about a response that has not come", () => {
    expect(() => deliveryUpdateText({ letter, delivery, about: "response", letterUrl })).toThrow("no response yet");
  });

  it("keeps typed Markdown marks as text and a long subject to one short line", () => {
    expect(escapeMarkdown("[click](javascript:x) *bold*")).toBe("\\[click\\]\\(javascript:x\\) \\*bold\\*");
    expect(escapeMarkdown("# not a heading\n2026. not a list\n- nor this")).toBe("\\# not a heading\n2026\\. not a list\n\\- nor this");
    const long = deliveryUpdateText({ letter: { title: "x".repeat(300) }, delivery: { ...delivery, method: "telepathy" }, about: "delivery", letterUrl });
    expect(long.subject.length).toBe(150);
    expect(long.markdown).toContain("was delivered to the City Council");
  });
});
