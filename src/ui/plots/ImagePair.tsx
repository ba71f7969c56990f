/**
 * A 2D signal and its filtered version side by side on canvases. Both use the original's
 * grey scale, so the filter's loss of contrast and sharpness shows instead of being rescaled.
 */
import { useEffect, useRef } from 'react';
import type { SignalView } from '../../app/store';

function range(values: Float32Array): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi > lo ? { lo, hi } : { lo: lo - 1, hi: lo + 1 };
}

function paint(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  ny: number,
  nx: number,
  lo: number,
  hi: number,
): void {
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(nx, ny);
  const scale = 255 / (hi - lo);
  for (let i = 0; i < nx * ny; i++) {
    const g = Math.max(0, Math.min(255, ((values[i] ?? 0) - lo) * scale));
    image.data[4 * i] = g;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = g;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

interface Props {
  signal: SignalView;
  shape: readonly [number, number];
}

export function ImagePair({ signal, shape }: Props) {
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const [ny, nx] = shape;
  useEffect(() => {
    const { lo, hi } = range(signal.original);
    if (left.current) paint(left.current, signal.original, ny, nx, lo, hi);
    if (right.current) paint(right.current, signal.filtered, ny, nx, lo, hi);
  }, [signal, ny, nx]);
  return (
    <div className="image-pair">
      <figure>
        <canvas ref={left} data-testid="image-original" />
        <figcaption>original</figcaption>
      </figure>
      <figure>
        <canvas ref={right} data-testid="image-filtered" />
        <figcaption>filtered (same grey scale)</figcaption>
      </figure>
    </div>
  );
}
