/**
 * PFFFT's WebAssembly bytes, inlined as data URLs by Vite (`?url&inline`), so they reach the
 * browser page, its workers, Node's SSR loader and the self-contained bundle alike, without a
 * file or a fetch. The package's `exports` do not list the .wasm files, hence the paths. The
 * SIMD build is taken where the engine validates it; otherwise the scalar build.
 */
export interface PffftBinary {
  wasm: Uint8Array<ArrayBuffer>;
  simd: boolean;
}

function decodeDataUrl(url: string): Uint8Array<ArrayBuffer> {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || !url.slice(0, comma).endsWith(';base64')) {
    throw new Error('PFFFT: the WebAssembly was not inlined as a base64 data URL');
  }
  const text = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

let cached: Promise<PffftBinary> | null = null;

async function load(): Promise<PffftBinary> {
  const simd = decodeDataUrl(
    (await import('../../../node_modules/@echogarden/pffft-wasm/dist/simd/pffft.wasm?url&inline'))
      .default,
  );
  if (WebAssembly.validate(simd)) return { wasm: simd, simd: true };
  const scalar =
    await import('../../../node_modules/@echogarden/pffft-wasm/dist/non-simd/pffft.wasm?url&inline');
  return { wasm: decodeDataUrl(scalar.default), simd: false };
}

/** The build this runtime can run, decoded once. */
export function pffftBinary(): Promise<PffftBinary> {
  cached ??= load();
  return cached;
}
