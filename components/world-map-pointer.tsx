"use client";

import { useRef, useState, type ReactNode } from "react";

type Tip = { label: string; x: number; y: number };

/**
 * Shows the country under the pointer, or in keyboard focus, above the server-rendered
 * map. One listener on the wrapper reads each country's aria-label, so the map itself
 * stays plain server HTML.
 */
export function WorldMapPointer({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  const show = (target: EventTarget | null, at?: { clientX: number; clientY: number }) => {
    const shape = target instanceof Element ? target.closest<SVGElement>("[data-country]") : null;
    const frame = box.current?.getBoundingClientRect();
    if (!shape || !frame) return setTip(null);
    const point = at ?? (() => {
      const r = shape.getBoundingClientRect();
      return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    })();
    // Kept clear of the edges so the label is never cut off on a phone.
    const x = Math.min(Math.max(point.clientX - frame.left, 80), frame.width - 80);
    setTip({ label: shape.getAttribute("aria-label") ?? "", x, y: Math.max(point.clientY - frame.top, 36) });
  };

  return (
    <div
      ref={box}
      className="relative"
      onPointerMove={(e) => show(e.target, e)}
      onPointerLeave={() => setTip(null)}
      onFocus={(e) => show(e.target)}
      onBlur={() => setTip(null)}
    >
      {children}
      {tip ? (
        <div
          role="status"
          data-testid="map-tooltip"
          className="pointer-events-none absolute z-10 -translate-x-1/2 -translate-y-full whitespace-nowrap rounded-md bg-stone-900 px-2.5 py-1.5 text-xs font-medium text-white shadow-lg"
          style={{ left: tip.x, top: tip.y - 10 }}
        >
          {tip.label}
        </div>
      ) : null}
    </div>
  );
}
