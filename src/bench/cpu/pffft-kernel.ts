/**
 * Batched complex FFT with PFFFT compiled to WebAssembly (`@echogarden/pffft-wasm`): radix-2/3/4/5
 * butterflies on 4-wide SIMD vectors, float32. The fastest CPU FFT we know of that runs in
 * JavaScript engines. The whole batch lives in the module's heap, so a run makes no copies;
 * 2D transforms run the rows, then the columns through a gather/scatter buffer in the heap.
 * No imports beyond types, so workers in the browser and in Node share it.
 */

/** The part of the Emscripten module this project calls (the package ships no types). */
export interface PffftModule {
  HEAPF32: Float32Array;
  _pffft_new_setup(n: number, transform: number): number;
  _pffft_destroy_setup(setup: number): void;
  _pffft_transform_ordered(
    setup: number,
    input: number,
    output: number,
    work: number,
    direction: number,
  ): void;
  _pffft_aligned_malloc(bytes: number): number;
  _pffft_aligned_free(ptr: number): void;
  _pffft_simd_size(): number;
}

/** The package's default export: instantiates the module from the given WebAssembly bytes. */
export type PffftFactory = (moduleArg: { wasmBinary: Uint8Array }) => Promise<PffftModule>;

const PFFFT_COMPLEX = 1;
const PFFFT_FORWARD = 0;
const FLOAT_BYTES = 4;

/** Why PFFFT cannot take a complex transform of length n, or null (pffft.h's rule). */
export function pffftUnsupported(n: number, simdWidth: number): string | null {
  let m = n;
  for (const p of [2, 3, 5]) while (m % p === 0) m /= p;
  if (m !== 1) return `PFFFT needs N = 2^a·3^b·5^c, not ${n}`;
  const multiple = simdWidth * simdWidth;
  if (n % multiple !== 0) return `PFFFT's complex transform needs N a multiple of ${multiple}`;
  return null;
}

/** Checks that an instantiated module has what this file calls: it crosses a package boundary. */
export function asPffftModule(m: unknown): PffftModule {
  const names = [
    '_pffft_new_setup',
    '_pffft_destroy_setup',
    '_pffft_transform_ordered',
    '_pffft_aligned_malloc',
    '_pffft_aligned_free',
    '_pffft_simd_size',
  ];
  const rec = m as Record<string, unknown> | null;
  const missing = names.filter((n) => typeof rec?.[n] !== 'function');
  if (missing.length > 0) throw new Error(`PFFFT module lacks ${missing.join(', ')}`);
  return m as PffftModule;
}

export class PffftBatch {
  private readonly nx: number;
  private readonly ny: number;
  private readonly signals: number;
  private readonly rowSetup: number;
  private readonly colSetup: number;
  private readonly ptrs: number[] = [];
  private readonly input: number;
  private readonly output: number;
  private readonly work: number;
  private readonly colIn: number;
  private readonly colOut: number;
  private destroyed = false;

  /** Copies `data` (interleaved complex, `batch` signals of `shape`) into the module's heap. */
  constructor(
    private readonly m: PffftModule,
    shape: readonly number[],
    data: ArrayLike<number>,
  ) {
    this.ny = shape.length === 2 ? (shape[0] as number) : 1;
    this.nx = (shape.length === 2 ? shape[1] : shape[0]) as number;
    this.signals = data.length / (2 * this.nx * this.ny);
    for (const n of new Set([this.nx, this.ny === 1 ? this.nx : this.ny])) {
      const why = pffftUnsupported(n, m._pffft_simd_size());
      if (why) throw new Error(why);
    }
    this.rowSetup = m._pffft_new_setup(this.nx, PFFFT_COMPLEX);
    this.colSetup = this.ny > 1 ? m._pffft_new_setup(this.ny, PFFFT_COMPLEX) : 0;
    if (!this.rowSetup || (this.ny > 1 && !this.colSetup)) {
      this.free();
      throw new Error(`PFFFT: no setup for shape ${shape.join('×')}`);
    }
    const bytes = data.length * FLOAT_BYTES;
    const longest = 2 * Math.max(this.nx, this.ny) * FLOAT_BYTES;
    this.input = this.alloc(bytes);
    this.output = this.alloc(bytes);
    this.work = this.alloc(longest);
    this.colIn = this.alloc(longest);
    this.colOut = this.alloc(longest);
    // After the last allocation: a grown heap replaces HEAPF32.
    m.HEAPF32.set(data, this.input / FLOAT_BYTES);
  }

  private alloc(bytes: number): number {
    const p = this.m._pffft_aligned_malloc(bytes);
    if (!p) {
      this.free();
      throw new Error(`PFFFT: out of WebAssembly memory allocating ${bytes} bytes`);
    }
    this.ptrs.push(p);
    return p;
  }

  /** Forward FFT of every signal, input to output (the input is left as it was). */
  run(): void {
    const { m, nx, ny } = this;
    const rowBytes = 2 * nx * FLOAT_BYTES;
    const rows = this.signals * ny;
    for (let r = 0; r < rows; r++) {
      const off = r * rowBytes;
      m._pffft_transform_ordered(
        this.rowSetup,
        this.input + off,
        this.output + off,
        this.work,
        PFFFT_FORWARD,
      );
    }
    if (ny > 1) this.columns();
  }

  private columns(): void {
    const { m, nx, ny } = this;
    const heap = m.HEAPF32;
    const out = this.output / FLOAT_BYTES;
    const cin = this.colIn / FLOAT_BYTES;
    const cout = this.colOut / FLOAT_BYTES;
    const rowLen = 2 * nx;
    for (let s = 0; s < this.signals; s++) {
      const base = out + s * rowLen * ny;
      for (let x = 0; x < nx; x++) {
        for (let y = 0; y < ny; y++) {
          const i = base + y * rowLen + 2 * x;
          heap[cin + 2 * y] = heap[i] as number;
          heap[cin + 2 * y + 1] = heap[i + 1] as number;
        }
        m._pffft_transform_ordered(
          this.colSetup,
          this.colIn,
          this.colOut,
          this.work,
          PFFFT_FORWARD,
        );
        for (let y = 0; y < ny; y++) {
          const i = base + y * rowLen + 2 * x;
          heap[i] = heap[cout + 2 * y] as number;
          heap[i + 1] = heap[cout + 2 * y + 1] as number;
        }
      }
    }
  }

  /** A copy of the last output. */
  read(): Float32Array {
    const from = this.output / FLOAT_BYTES;
    return this.m.HEAPF32.slice(from, from + 2 * this.nx * this.ny * this.signals);
  }

  private free(): void {
    for (const p of this.ptrs) this.m._pffft_aligned_free(p);
    this.ptrs.length = 0;
    if (this.rowSetup) this.m._pffft_destroy_setup(this.rowSetup);
    if (this.colSetup) this.m._pffft_destroy_setup(this.colSetup);
  }

  /** Frees the heap memory and setups; idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.free();
  }
}
