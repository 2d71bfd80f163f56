import type { ReactNode } from "react";

export function NoticeCard({ icon, title, children }: { icon: string; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:py-20">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-10">
        <div aria-hidden="true" className="grid size-12 place-items-center rounded-full bg-brand-50 text-2xl text-brand-700">
          {icon}
        </div>
        <h1 className="mt-5 text-2xl font-bold tracking-tight text-stone-900">{title}</h1>
        <div className="mt-3 space-y-4 text-stone-700">{children}</div>
      </div>
    </div>
  );
}
