/**
 * `npx tsx scripts/bench-cpu-peers.ts`: PFFFT against fft.js on this thread, without the GPU,
 * at the quick suite's FFT shapes and its 4 MiB per operation. The two run in alternation
 * (span i of one beside span i of the other) and the ratio is the median of the per-pair
 * ratios, so a busy machine slows both alike; the full benchmark times each case on its own.
 * Prints a Markdown table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import FFT from 'fft.js';
import { FftJsBatch } from '../src/bench/cpu/fftjs-kernel';
import { instantiatePffft } from '../src/bench/cpu/pffft-glue';
import { PffftBatch } from '../src/bench/cpu/pffft-kernel';

const SHAPES: readonly number[][] = [
  [16],
  [64],
  [256],
  [1024],
  [4096],
  [16384],
  [65536],
  [262144],
  [1048576],
  [64, 64],
  [256, 256],
  [1024, 1024],
];
const BYTES = 4 * 2 ** 20;
const SPANS = 9;
const MIN_SPAN_MS = 20;

const median = (a: readonly number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const time = (work: () => void): number => {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
};

/** The SIMD build where it validates, else the scalar one (as in the benchmark). */
async function loadPffft(): Promise<{
  simd: boolean;
  m: Awaited<ReturnType<typeof instantiatePffft>>;
}> {
  const js = fileURLToPath(import.meta.resolve('@echogarden/pffft-wasm/simd'));
  const simdWasm = new Uint8Array(readFileSync(js.replace(/\.js$/, '.wasm')));
  if (WebAssembly.validate(simdWasm))
    return { simd: true, m: await instantiatePffft(simdWasm, true) };
  const scalarJs = fileURLToPath(import.meta.resolve('@echogarden/pffft-wasm'));
  const scalar = new Uint8Array(readFileSync(scalarJs.replace(/\.js$/, '.wasm')));
  return { simd: false, m: await instantiatePffft(scalar, false) };
}

const { simd, m } = await loadPffft();
console.log(
  `PFFFT ${simd ? 'SIMD' : 'scalar'} WebAssembly vs fft.js, one thread, Node ${process.version}`,
);
console.log('');
console.log('| shape | batch | fft.js ms | PFFFT ms | PFFFT vs fft.js (median of paired ratios) |');
console.log('|---|---:|---:|---:|---:|');
for (const shape of SHAPES) {
  const points = shape.reduce((a, b) => a * b, 1);
  const batch = Math.max(1, Math.floor(BYTES / (2 * points * 8)));
  const input = Float32Array.from({ length: 2 * points * batch }, (_, i) => Math.sin(i * 0.7));
  const fftjs = new FftJsBatch(FFT, shape);
  const in64 = Float64Array.from(input);
  const out = new Float64Array(in64.length);
  const pffft = new PffftBatch(m, shape, input);
  try {
    // Warm-up (JIT and WebAssembly tier-up), then repeats sized on the slower one.
    for (let i = 0; i < 5; i++) {
      fftjs.run(in64, out);
      pffft.run();
    }
    const reps = Math.max(
      1,
      Math.ceil(
        MIN_SPAN_MS /
          Math.max(
            0.01,
            time(() => fftjs.run(in64, out)),
          ),
      ),
    );
    const a: number[] = [];
    const b: number[] = [];
    for (let s = 0; s < SPANS; s++) {
      a.push(
        time(() => {
          for (let i = 0; i < reps; i++) fftjs.run(in64, out);
        }) / reps,
      );
      b.push(
        time(() => {
          for (let i = 0; i < reps; i++) pffft.run();
        }) / reps,
      );
    }
    const ratio = median(a.map((x, i) => x / (b[i] as number)));
    const f = (v: number): string => v.toPrecision(3);
    console.log(
      `| ${shape.join('×')} | ${batch} | ${f(median(a))} | ${f(median(b))} | ${f(ratio)}× |`,
    );
  } finally {
    pffft.destroy();
  }
}
