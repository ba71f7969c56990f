/**
 * The Emscripten glue of `@echogarden/pffft-wasm`, SIMD or scalar build. Loaded lazily (only
 * when the peer runs) and given the WebAssembly bytes by the caller, so it never fetches or
 * reads a file itself: the same code runs in Vite's pages and workers, under tsx, and inside
 * the self-contained Node bundle.
 */
import { asPffftModule, type PffftFactory, type PffftModule } from './pffft-kernel';

async function factory(simd: boolean): Promise<PffftFactory> {
  // The package ships no type declarations; the default export is checked below instead.
  const mod: unknown = simd
    ? // @ts-expect-error -- untyped package: its default export is checked at run time
      await import('@echogarden/pffft-wasm/simd')
    : // @ts-expect-error -- untyped package: its default export is checked at run time
      await import('@echogarden/pffft-wasm');
  const create = (mod as { default?: unknown } | null)?.default;
  if (typeof create !== 'function') throw new Error('@echogarden/pffft-wasm: no default export');
  return create as PffftFactory;
}

/** Instantiates PFFFT from its WebAssembly bytes (`simd` picks the glue of that build). */
export async function instantiatePffft(wasm: Uint8Array, simd: boolean): Promise<PffftModule> {
  const create = await factory(simd);
  // The glue keeps the bytes it is given; a copy leaves the caller's array (maybe sent on to
  // workers) alone.
  return asPffftModule(await create({ wasmBinary: wasm.slice() }));
}
