import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-stone-900">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            OL
          </span>
          <span>Open Letters</span>
        </Link>
        <nav aria-label="Main" className="text-sm">
          <Link href="/" className="rounded px-2 py-1 text-stone-600 hover:text-stone-900">
            All letters
          </Link>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-2 px-4 py-8 text-sm text-stone-600 sm:px-6">
        <p>
          Your email address is used only to confirm your signature. It is never shown on this site, in its data
          feeds or in embedded counters.
        </p>
        <p>Counts include only confirmed signatures; organisations are counted once a moderator has checked them.</p>
        <p>
          <Link href="/my-data" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Your data
          </Link>
          : see, download or erase what we hold about your email address.
        </p>
      </div>
    </footer>
  );
}
