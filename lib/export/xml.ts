// Text for XML, safe in an element or a quoted attribute: the five characters with a
// meaning escaped, and the characters XML 1.0 forbids outright (most control characters,
// lone surrogates, U+FFFE and U+FFFF) left out, since no escape can carry them and one
// would make the whole document unreadable to a strict parser.

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
