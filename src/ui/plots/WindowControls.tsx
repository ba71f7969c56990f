/**
 * Zoom and pan for the time-domain chart: buttons and a slider (keyboard and touch work as on
 * any form control), and `usePanDrag`, which pans when the chart itself is dragged sideways by
 * mouse or finger (vertical swipes still scroll the page: the chart sets `touch-action: pan-y`).
 */
import { useRef, type PointerEvent } from 'react';
import { centredWindow, MIN_SPAN, panWindow, zoomWindow, type SampleWindow } from './sample-window';

interface Props {
  window: SampleWindow;
  n: number;
  /** Index of the strongest sample, for the "Peak" button. */
  peak: number;
  onChange(next: SampleWindow): void;
}

export function WindowControls({ window: w, n, peak, onChange }: Props) {
  const span = w.end - w.start;
  const maxStart = Math.max(0, n - span);
  return (
    <div className="window-controls" role="group" aria-label="Samples shown">
      <button
        type="button"
        aria-label="Zoom out"
        title="Show twice as many samples"
        disabled={span >= n}
        onClick={() => onChange(zoomWindow(w, 2, n))}
      >
        −
      </button>
      <button
        type="button"
        aria-label="Zoom in"
        title="Show half as many samples"
        disabled={span <= MIN_SPAN}
        onClick={() => onChange(zoomWindow(w, 0.5, n))}
      >
        +
      </button>
      <input
        type="range"
        className="window-slider"
        aria-label="Window position (first sample shown)"
        data-testid="time-window-slider"
        min={0}
        max={maxStart}
        step={Math.max(1, Math.round(span / 16))}
        value={w.start}
        disabled={maxStart === 0}
        onChange={(e) => onChange(panWindow(w, Number(e.target.value) - w.start, n))}
      />
      <button
        type="button"
        title="Centre the window on the strongest sample"
        onClick={() => onChange(centredWindow(peak, span, n))}
      >
        Peak
      </button>
      <button
        type="button"
        title="Show every sample"
        disabled={span >= n}
        onClick={() => onChange({ start: 0, end: n })}
      >
        All
      </button>
    </div>
  );
}

/** Pointer handlers that pan the window while the chart is dragged sideways. */
export function usePanDrag(
  w: SampleWindow,
  n: number,
  onChange: (next: SampleWindow) => void,
): {
  onPointerDown(e: PointerEvent<HTMLElement>): void;
  onPointerMove(e: PointerEvent<HTMLElement>): void;
  onPointerUp(e: PointerEvent<HTMLElement>): void;
} {
  const drag = useRef<{ x: number; from: SampleWindow; width: number } | null>(null);
  return {
    onPointerDown(e) {
      if (e.button !== 0 || w.end - w.start >= n) return;
      drag.current = { x: e.clientX, from: w, width: e.currentTarget.clientWidth || 1 };
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    onPointerMove(e) {
      const d = drag.current;
      if (!d) return;
      const span = d.from.end - d.from.start;
      onChange(panWindow(d.from, (-(e.clientX - d.x) / d.width) * span, n));
    },
    onPointerUp(e) {
      if (!drag.current) return;
      drag.current = null;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) {
        e.currentTarget.releasePointerCapture(e.pointerId);
      }
    },
  };
}
