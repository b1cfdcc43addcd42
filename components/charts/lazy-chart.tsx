"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import type { ChartProps } from "react-chartjs-2";

// Chart.js (about 60 kB gzip) is not part of the first load: it is fetched when the first chart comes
// near the viewport, and each chart is drawn only then (22 charts on the results page would otherwise
// all be drawn while the page starts, blocking input on a phone).
const Bar = dynamic(() => import("./chart-setup").then((m) => m.Bar), { ssr: false });
const Radar = dynamic(() => import("./chart-setup").then((m) => m.Radar), { ssr: false });
const Line = dynamic(() => import("./chart-setup").then((m) => m.Line), { ssr: false });

/** True from the moment the element is within `margin` of the viewport (or at once without IntersectionObserver). */
function useNearViewport<T extends Element>(margin = "400px 0px") {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === "undefined") {
      // Without IntersectionObserver (old browsers) draw at once. Not in useState's initial value: the
      // server has no IntersectionObserver either, and the first client render must match its HTML.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setNear(true);
      return;
    }
    let cancelled = false;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          // Chart.js measures its labels once, with the font it finds: draw only when the web fonts are
          // settled, or a label measured in the fallback font may be cut off when drawn in Fira Sans.
          void (document.fonts?.ready ?? Promise.resolve()).then(() => {
            if (!cancelled) setNear(true);
          });
        }
      },
      { rootMargin: margin },
    );
    io.observe(el);
    // Printing the page (Strg+P) draws every chart, not only those the reader has scrolled to.
    const onBeforePrint = () => flushSync(() => setNear(true));
    window.addEventListener("beforeprint", onBeforePrint);
    return () => {
      cancelled = true;
      io.disconnect();
      window.removeEventListener("beforeprint", onBeforePrint);
    };
  }, [near, margin]);
  return [ref, near] as const;
}

type TSlot = {
  /** The chart's text alternative: on the always-rendered wrapper (role img), so it is there before the chart and without JavaScript. */
  label: string;
  /** The wrapper's size (class or inline height); Chart.js fills it (maintainAspectRatio: false), so nothing moves when the chart arrives. */
  className?: string;
  style?: React.CSSProperties;
};

/** The slot: sized and named from the start; the chart itself is drawn once it is near the viewport. */
function ChartSlot({ label, className, style, draw }: TSlot & { draw: () => ReactNode }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={ref} role="img" aria-label={label} className={`chart-slot ${className ?? ""}`} style={style}>
      {near ? draw() : null}
    </div>
  );
}

export function LazyBar({ label, className, style, ...chart }: TSlot & Omit<ChartProps<"bar">, "type">) {
  return (
    <ChartSlot label={label} className={className} style={style} draw={() => <Bar {...chart} aria-hidden="true" />} />
  );
}

export function LazyRadar({ label, className, style, ...chart }: TSlot & Omit<ChartProps<"radar">, "type">) {
  return (
    <ChartSlot label={label} className={className} style={style} draw={() => <Radar {...chart} aria-hidden="true" />} />
  );
}

export function LazyLine({ label, className, style, ...chart }: TSlot & Omit<ChartProps<"line">, "type">) {
  return (
    <ChartSlot label={label} className={className} style={style} draw={() => <Line {...chart} aria-hidden="true" />} />
  );
}
