/**
 * Batched complex FFT with `fft.js` (the fastest plain-JavaScript FFT we know of: radix-4,
 * precomputed tables, float64). 2D transforms run the rows, then the columns through a
 * gather/scatter buffer. No imports beyond types, so workers in the browser and in Node share it.
 */
import type FFT from 'fft.js';

type FftInstance = InstanceType<typeof FFT>;
export type FftConstructor = new (size: number) => FftInstance;

export class FftJsBatch {
  private readonly rows: FftInstance;
  private readonly cols: FftInstance | null;
  private readonly ny: number;
  private readonly nx: number;
  private readonly colIn: Float64Array;
  private readonly colOut: Float64Array;

  constructor(Fft: FftConstructor, shape: readonly number[]) {
    this.ny = shape.length === 2 ? (shape[0] as number) : 1;
    this.nx = (shape.length === 2 ? shape[1] : shape[0]) as number;
    this.rows = new Fft(this.nx);
    this.cols = shape.length === 2 ? new Fft(this.ny) : null;
    this.colIn = new Float64Array(2 * this.ny);
    this.colOut = new Float64Array(2 * this.ny);
  }

  /** Forward FFT of every signal of interleaved complex `input` into `output`. */
  run(input: Float64Array, output: Float64Array): void {
    const { nx, ny } = this;
    const rowLen = 2 * nx;
    const rows = input.length / rowLen;
    for (let r = 0; r < rows; r++) {
      this.rows.transform(
        output.subarray(r * rowLen, (r + 1) * rowLen),
        input.subarray(r * rowLen, (r + 1) * rowLen),
      );
    }
    if (!this.cols) return;
    const signalLen = rowLen * ny;
    for (let off = 0; off < output.length; off += signalLen) {
      for (let x = 0; x < nx; x++) {
        for (let y = 0; y < ny; y++) {
          const i = off + y * rowLen + 2 * x;
          this.colIn[2 * y] = output[i] as number;
          this.colIn[2 * y + 1] = output[i + 1] as number;
        }
        this.cols.transform(this.colOut, this.colIn);
        for (let y = 0; y < ny; y++) {
          const i = off + y * rowLen + 2 * x;
          output[i] = this.colOut[2 * y] as number;
          output[i + 1] = this.colOut[2 * y + 1] as number;
        }
      }
    }
  }
}
