import Link from "next/link";
import { listPublicLetters } from "@/lib/letters/list-public-letters";
import { KIND_LABEL, STATUS_LABEL, plural } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const letters = await listPublicLetters();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="max-w-2xl">
        <h1 className="font-serif text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">Open letters</h1>
        <p className="mt-3 text-lg text-stone-700">
          Read what is being asked, and add your name. Every signature is confirmed by email before it counts.
        </p>
      </div>
      {letters.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-stone-300 p-8 text-stone-600">No letters are published yet.</p>
      ) : (
        <ul className="mt-10 grid gap-6 md:grid-cols-2">
          {letters.map((letter) => (
            <li key={letter.slug}>
              <article className="relative flex h-full flex-col rounded-xl border border-stone-200 bg-white p-6 shadow-sm transition hover:shadow-md">
                <div className="flex flex-wrap items-center gap-2 text-xs font-medium">
                  <span className="rounded-full bg-brand-50 px-2.5 py-1 text-brand-700">{KIND_LABEL[letter.kind] ?? letter.kind}</span>
                  <span className={letter.status === "open" ? "rounded-full bg-emerald-50 px-2.5 py-1 text-emerald-800" : "rounded-full bg-stone-100 px-2.5 py-1 text-stone-700"}>
                    {STATUS_LABEL[letter.status] ?? letter.status}
                  </span>
                </div>
                <h2 className="mt-4 font-serif text-xl font-semibold leading-snug text-stone-900">
                  <Link href={`/letters/${letter.slug}`} className="after:absolute after:inset-0 hover:underline">
                    {letter.title}
                  </Link>
                </h2>
                <p className="mt-2 flex-1 text-stone-700">{letter.summary}</p>
                <p className="mt-5 flex items-center justify-between border-t border-stone-100 pt-4 text-sm">
                  <span className="font-semibold text-stone-900">{plural(letter.total, "signature", "signatures")}</span>
                  <span aria-hidden="true" className="font-medium text-brand-700">Read and sign →</span>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
