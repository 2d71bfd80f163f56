const numberFormat = new Intl.NumberFormat("en");

export const formatCount = (n: number) => numberFormat.format(n);

export const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export const KIND_LABEL: Record<string, string> = { open_letter: "Open letter", statement: "Statement" };

export const STATUS_LABEL: Record<string, string> = {
  open: "Open for signatures",
  paused: "Paused",
  closed: "Closed",
  draft: "Draft",
};
