"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** The gap kept above and below the sidebar while it sticks: Tailwind's top-6. */
const GAP_PX = 24;

/**
 * The letter page's sidebar (counts and sign form), kept in view while the letter
 * scrolls, but only while the whole of it fits in the window. A sidebar taller than the
 * window would stick with its lower part (the consent box, the Sign button) out of reach
 * until the reader had scrolled past the whole letter; so it scrolls with the page
 * instead. It is measured again as it changes (the organisation fields, an error
 * summary) and as the window does. Without JavaScript it never sticks.
 */
export function StickyWhenItFits({ children, className, label }: { children: ReactNode; className: string; label: string }) {
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const aside = ref.current;
    if (!aside) return;
    const check = () => {
      const fits = aside.offsetHeight + 2 * GAP_PX <= window.innerHeight;
      if (fits === (aside.dataset.sticky !== undefined)) return;
      // Let go while the reader is part way down the page (the form grew): the sidebar
      // would jump back to the top of the page, so the page moves instead, and the form
      // stays where the reader is looking.
      const before = aside.getBoundingClientRect().top;
      if (fits) aside.dataset.sticky = "";
      else delete aside.dataset.sticky;
      const moved = aside.getBoundingClientRect().top - before;
      if (!fits && moved !== 0) window.scrollBy(0, moved);
    };
    const observer = new ResizeObserver(check);
    observer.observe(aside);
    window.addEventListener("resize", check);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", check);
    };
  }, []);

  return (
    <aside ref={ref} className={className} aria-label={label}>
      {children}
    </aside>
  );
}
