// A letter's Markdown as the delivery document prints it: headings, paragraphs, lists and
// quotes as plain text. Emphasis marks are dropped and a link keeps its address in
// brackets, since a printed page cannot be clicked. Raw HTML is printed as typed (the
// letter page ignores it too, and a delivery document should not hide words).

export type MarkdownBlock =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "quote"; text: string }
  | { type: "list"; ordered: boolean; items: string[] };

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let open: MarkdownBlock | null = null;
  const close = () => {
    if (open) blocks.push(open);
    open = null;
  };
  for (const line of markdown.replaceAll("\r\n", "\n").split("\n")) {
    if (line.trim() === "" || RULE.test(line)) {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ type: "heading", level: heading[1].length, text: inline(heading[2]) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1]);
      const current = open as MarkdownBlock | null;
      if (current?.type !== "list" || current.ordered !== ordered) {
        close();
        open = { type: "list", ordered, items: [] };
      }
      (open as unknown as { items: string[] }).items.push(inline(item[2]));
      continue;
    }
    const quote = QUOTE.exec(line);
    const current = open as MarkdownBlock | null;
    if (quote) {
      if (current?.type !== "quote") {
        close();
        open = { type: "quote", text: inline(quote[1]) };
      } else current.text = `${current.text} ${inline(quote[1])}`.trim();
      continue;
    }
    if (current?.type === "list") {
      // a continuation line of the last item
      current.items[current.items.length - 1] += ` ${inline(line.trim())}`;
    } else if (current?.type === "paragraph" || current?.type === "quote") {
      current.text += ` ${inline(line.trim())}`;
    } else {
      close();
      open = { type: "paragraph", text: inline(line.trim()) };
    }
  }
  close();
  return blocks;
}

/** Inline Markdown as plain text: images by their description, links with their address, no emphasis marks. */
export function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_, label: string, href: string) =>
      label === href || label === href.replace(/^mailto:/, "") ? label : `${label} (${href})`,
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}
