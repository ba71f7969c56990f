/**
 * Test helper: builds RIFF/WAVE bytes by hand (little-endian, chunk by chunk), so the importer
 * is tested against files whose every byte the test controls, including broken ones.
 */

export interface Chunk {
  id: string;
  body: Uint8Array;
  /** Size written in the header; defaults to body.length (set it to lie). */
  declaredSize?: number;
}

export function ascii(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export interface FmtOptions {
  code: number;
  channels: number;
  rate?: number;
  bits: number;
  blockAlign?: number;
  /** Write WAVE_FORMAT_EXTENSIBLE with `code` as the SubFormat. */
  extensible?: boolean;
}

export function fmtChunk(o: FmtOptions): Chunk {
  const rate = o.rate ?? 8000;
  const blockAlign = o.blockAlign ?? (o.channels * o.bits) / 8;
  const body = new Uint8Array(o.extensible ? 40 : 16);
  const v = new DataView(body.buffer);
  v.setUint16(0, o.extensible ? 0xfffe : o.code, true);
  v.setUint16(2, o.channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, rate * blockAlign, true);
  v.setUint16(12, blockAlign, true);
  v.setUint16(14, o.bits, true);
  if (o.extensible) {
    v.setUint16(16, 22, true);
    v.setUint16(18, o.bits, true);
    v.setUint32(20, 0, true);
    // SubFormat GUID: format code, then the fixed tail 0000-0010-8000-00AA00389B71.
    v.setUint16(24, o.code, true);
    body.set([0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 26);
  }
  return { id: 'fmt ', body };
}

/** Interleaved samples of `frames[t][c]`, encoded as the given format. */
export function dataChunk(frames: number[][], code: number, bits: number): Chunk {
  const channels = frames[0]?.length ?? 1;
  const bytes = bits / 8;
  const body = new Uint8Array(frames.length * channels * bytes);
  const v = new DataView(body.buffer);
  frames.forEach((frame, t) =>
    frame.forEach((s, c) => {
      const at = (t * channels + c) * bytes;
      if (code === 3 && bits === 32) v.setFloat32(at, s, true);
      else if (code === 3) v.setFloat64(at, s, true);
      else if (bits === 8) v.setUint8(at, s);
      else if (bits === 16) v.setInt16(at, s, true);
      else if (bits === 24) {
        v.setUint8(at, s & 0xff);
        v.setUint8(at + 1, (s >> 8) & 0xff);
        v.setUint8(at + 2, (s >> 16) & 0xff);
      } else v.setInt32(at, s, true);
    }),
  );
  return { id: 'data', body };
}

/** RIFF header + chunks (each padded to an even length, as RIFF requires). */
export function riff(chunks: Chunk[], form = 'WAVE', magic = 'RIFF'): ArrayBuffer {
  const parts: Uint8Array[] = [];
  for (const c of chunks) {
    const head = new Uint8Array(8);
    head.set(ascii(c.id.padEnd(4).slice(0, 4)));
    new DataView(head.buffer).setUint32(4, c.declaredSize ?? c.body.length, true);
    parts.push(head, c.body);
    if (c.body.length % 2 === 1) parts.push(new Uint8Array(1));
  }
  const size = 4 + parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(8 + size);
  out.set(ascii(magic));
  new DataView(out.buffer).setUint32(4, size, true);
  out.set(ascii(form), 8);
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out.buffer;
}

export function wav(frames: number[][], o: FmtOptions, extra: Chunk[] = []): ArrayBuffer {
  return riff([fmtChunk(o), ...extra, dataChunk(frames, o.code, o.bits)]);
}
