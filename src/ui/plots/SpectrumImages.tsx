/**
 * The 2D spectrum as two images, |X| and |R·X|, in dB on one colour scale with k = 0 at the
 * centre (fftshifted). Side by side they show which ring of wavenumbers the filter darkens.
 */
import { memo, useEffect, useRef } from 'react';
import { colour } from './FieldImage';
import type { SpectrumImages as Images } from './plot-data';

function paint(canvas: HTMLCanvasElement, levels: Float32Array, ny: number, nx: number): void {
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(nx, ny);
  for (let i = 0; i < nx * ny; i++) {
    const [r, g, b] = colour(levels[i] ?? 0);
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

interface Props {
  images: Images;
  shape: readonly [number, number];
  /** The dB range the colours span: [floor, top]. */
  range: readonly [number, number];
}

export const SpectrumImages = memo(function SpectrumImages({ images, shape, range }: Props) {
  const left = useRef<HTMLCanvasElement>(null);
  const right = useRef<HTMLCanvasElement>(null);
  const [ny, nx] = shape;
  useEffect(() => {
    if (left.current) paint(left.current, images.original, ny, nx);
    if (right.current) paint(right.current, images.filtered, ny, nx);
  }, [images, ny, nx]);
  const scale = `${range[0]} to ${range[1]} dB`;
  return (
    <div className="image-pair spectrum-images">
      <figure>
        <canvas
          ref={left}
          data-testid="spectrum-image-original"
          role="img"
          aria-label={`|X(k)| in dB, k = 0 at the centre, ${scale}`}
        />
        <figcaption>|X(k)|, k = 0 at the centre</figcaption>
      </figure>
      <figure>
        <canvas
          ref={right}
          data-testid="spectrum-image-filtered"
          role="img"
          aria-label={`|R·X(k)| in dB on the same scale, ${scale}`}
        />
        <figcaption>|R·X(k)|, same scale ({scale})</figcaption>
      </figure>
    </div>
  );
});
