import { STATUS_LABEL } from "@/lib/format";

const TONE: Record<string, string> = {
  open: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  paused: "bg-amber-50 text-amber-900 ring-amber-200",
  closed: "bg-stone-100 text-stone-700 ring-stone-300",
  draft: "bg-brand-50 text-brand-900 ring-brand-100",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status] ?? TONE.closed}`}>
      {status === "open" ? "Open" : (STATUS_LABEL[status] ?? status)}
    </span>
  );
}
