"use client";

import { startTransition, useEffect, useRef, useState } from "react";

// When each dashboard chart is drawn. Drawing every chart in the one task that follows their code's
// arrival blocked the page for most of a second (Lighthouse's total blocking time). So a chart is drawn
// as soon as it comes near the viewport, and the others one at a time while the browser is idle: each
// draw is a task of its own, and every chart is still drawn soon without scrolling (find in page, print,
// screenshots, tests).

/** How far below the viewport a chart starts drawing, so it is ready when scrolled to. */
const NEAR_MARGIN = "300px";
/** The longest an idle-time draw waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 2_000;

const waiting: (() => void)[] = [];
let idleDrawPending = false;

function whenIdle(run: () => void) {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else window.setTimeout(run, 50);
}

/** Draws the first waiting chart in the next idle moment, then schedules the next one. */
function drawNextWhenIdle() {
  if (idleDrawPending || waiting.length === 0) return;
  idleDrawPending = true;
  whenIdle(() => {
    idleDrawPending = false;
    waiting.shift()?.();
    drawNextWhenIdle();
  });
}

/** A ref for the chart's box, and whether to draw the chart yet. */
export function useDrawWhenNear<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T | null>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || drawn) return;
    let done = false;
    const draw = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      const index = waiting.indexOf(draw);
      if (index >= 0) waiting.splice(index, 1);
      // Interruptible: a click or a key press is handled before the rest of a chart's rendering.
      startTransition(() => setDrawn(true));
    };
    const observer =
      typeof IntersectionObserver === "function"
        ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && draw(), { rootMargin: NEAR_MARGIN })
        : null;
    observer?.observe(box);
    waiting.push(draw);
    drawNextWhenIdle();
    return () => {
      done = true;
      observer?.disconnect();
      const index = waiting.indexOf(draw);
      if (index >= 0) waiting.splice(index, 1);
    };
  }, [drawn]);
  return [ref, drawn];
}
