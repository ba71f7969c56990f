/**
 * A non-negative field on a 2D grid (|ψ|², |φ(k)|²) as a colour image. Brightness is
 * √(value / max), so the faint interference fringes behind a slit stay visible beside the bright
 * packet; the caption says so. An optional mask (where the potential is high) is drawn in grey
 * over it, so walls and slits show where they are.
 */
import { useEffect, useRef } from 'react';

/** Dark blue → indigo → amber → pale yellow, at 0, ⅓, ⅔ and 1. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [11, 16, 38],
  [79, 70, 229],
  [245, 158, 11],
  [255, 247, 214],
];

/** The palette at t in [0, 1] (clamped), as RGB 0..255. */
export function colour(t: number): readonly [number, number, number] {
  const x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i] ?? [0, 0, 0];
  const b = STOPS[i + 1] ?? a;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

function paint(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  ny: number,
  nx: number,
  mask: ArrayLike<boolean> | null,
): void {
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let max = 0;
  for (let i = 0; i < nx * ny; i++) max = Math.max(max, values[i] ?? 0);
  const image = ctx.createImageData(nx, ny);
  for (let i = 0; i < nx * ny; i++) {
    let [r, g, b] = colour(max > 0 ? Math.sqrt((values[i] ?? 0) / max) : 0);
    if (mask?.[i]) [r, g, b] = [0.4 * r + 120, 0.4 * g + 120, 0.4 * b + 120];
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

interface Props {
  values: ArrayLike<number>;
  ny: number;
  nx: number;
  mask?: ArrayLike<boolean> | null;
  caption: string;
  testId: string;
}

export function FieldImage({ values, ny, nx, mask = null, caption, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) paint(canvas.current, values, ny, nx, mask);
  }, [values, ny, nx, mask]);
  return (
    <figure className="field-image">
      <canvas ref={canvas} data-testid={testId} role="img" aria-label={caption} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
