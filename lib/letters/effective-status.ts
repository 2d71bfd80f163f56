/** A letter past its closing date is closed, whatever its stored status says. */
export function effectiveStatus(letter: { status: string; closesAt: Date | null }, now = new Date()): string {
  if (letter.status === "open" && letter.closesAt && letter.closesAt <= now) return "closed";
  return letter.status;
}
