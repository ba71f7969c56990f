/**
 * RIFF/WAVE files: PCM integer samples of 8, 16, 24 or 32 bits and IEEE float samples of 32 or
 * 64 bits, any number of channels, each channel one signal. Chunks are walked by their declared
 * sizes; unknown ones (LIST, fact, cue …) are skipped, and every size is checked against the
 * bytes actually present before anything is read.
 */
import {
  checkSize,
  ImportError,
  importedSignals,
  sampleProblem,
  type ImportedData,
} from './import-data';

const FORMAT_NAMES: Record<number, string> = {
  1: 'PCM integer',
  2: 'Microsoft ADPCM',
  3: 'IEEE float',
  6: 'A-law',
  7: 'μ-law',
  0x11: 'IMA ADPCM',
  0x55: 'MPEG layer 3',
};
const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;
const SUPPORTED = 'PCM integer 8/16/24/32-bit and IEEE float 32/64-bit';

interface Format {
  code: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
}

function fourCc(view: DataView, at: number): string {
  let s = '';
  for (let i = 0; i < 4; i++) {
    const c = view.getUint8(at + i);
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '?';
  }
  return s;
}

function readFormat(file: string, view: DataView, at: number, size: number): Format {
  if (size < 16) {
    throw new ImportError(file, `the 'fmt ' chunk is ${size} bytes; it needs at least 16`);
  }
  let code = view.getUint16(at, true);
  if (code === EXTENSIBLE) {
    // WAVE_FORMAT_EXTENSIBLE: the real format code opens the SubFormat GUID at byte 24.
    if (size < 40) {
      throw new ImportError(file, `the extensible 'fmt ' chunk is ${size} bytes; it needs 40`);
    }
    code = view.getUint16(at + 24, true);
  }
  return {
    code,
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    blockAlign: view.getUint16(at + 12, true),
    bits: view.getUint16(at + 14, true),
  };
}

function checkFormat(file: string, f: Format): void {
  const ok =
    (f.code === PCM && [8, 16, 24, 32].includes(f.bits)) ||
    (f.code === FLOAT && (f.bits === 32 || f.bits === 64));
  if (!ok) {
    const name = FORMAT_NAMES[f.code] ?? 'unknown';
    throw new ImportError(
      file,
      `unsupported WAV encoding: ${name} (format code ${f.code}), ${f.bits}-bit; supported: ${SUPPORTED}`,
    );
  }
  if (f.channels === 0) throw new ImportError(file, "the 'fmt ' chunk declares 0 channels");
  if (f.blockAlign !== (f.channels * f.bits) / 8) {
    throw new ImportError(
      file,
      `the 'fmt ' chunk's block size ${f.blockAlign} does not match ${f.channels} channels × ` +
        `${f.bits / 8} bytes`,
    );
  }
}

/** Reads one sample scaled to [−1, 1) (integers) or as stored (floats). */
function sampleReader(f: Format, view: DataView): (at: number) => number {
  if (f.code === FLOAT) {
    return f.bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  }
  switch (f.bits) {
    case 8:
      return (at) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at) => view.getInt16(at, true) / 32768;
    case 24:
      return (at) =>
        (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608;
    default:
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

export function importWav(file: string, bytes: ArrayBuffer): ImportedData {
  const view = new DataView(bytes);
  if (bytes.byteLength < 12) {
    throw new ImportError(
      file,
      `only ${bytes.byteLength} bytes; a WAV file starts with a 12-byte RIFF header`,
    );
  }
  const magic = fourCc(view, 0);
  if (magic === 'RF64') throw new ImportError(file, 'RF64 (WAV over 4 GiB) is not supported');
  if (magic !== 'RIFF' || fourCc(view, 8) !== 'WAVE') {
    throw new ImportError(file, `not a RIFF/WAVE file (it starts with '${magic}')`);
  }
  const notes: string[] = [];
  // Streaming writers leave the RIFF size 0 or too big; the bytes present are what counts.
  const declaredEnd = 8 + view.getUint32(4, true);
  const end = declaredEnd >= 12 && declaredEnd <= bytes.byteLength ? declaredEnd : bytes.byteLength;
  let format: Format | null = null;
  let data: { at: number; size: number } | null = null;
  const skipped = new Set<string>();
  for (let pos = 12; pos + 8 <= end;) {
    const id = fourCc(view, pos);
    const body = pos + 8;
    let size = view.getUint32(pos + 4, true);
    if (size > end - body) {
      if (id === 'data') {
        notes.push(
          `the 'data' chunk claims ${size} bytes but the file ends after ${end - body}; read those`,
        );
        size = end - body;
      } else if (format && data) {
        notes.push(`ignored a truncated '${id}' chunk after the samples`);
        break;
      } else {
        throw new ImportError(
          file,
          `the '${id}' chunk at byte ${pos} claims ${size} bytes but only ${end - body} remain; the file is truncated`,
        );
      }
    }
    if (id === 'fmt ') format = readFormat(file, view, body, size);
    else if (id === 'data') data ??= { at: body, size };
    else skipped.add(id);
    pos = body + size + (size % 2);
  }
  if (!format) throw new ImportError(file, "no 'fmt ' chunk: the sample format is unknown");
  if (!data) throw new ImportError(file, "no 'data' chunk: the file holds no samples");
  checkFormat(file, format);
  const frames = Math.floor(data.size / format.blockAlign);
  if (frames === 0) throw new ImportError(file, "the 'data' chunk holds no samples");
  checkSize(file, format.channels, frames);
  const read = sampleReader(format, view);
  const bytesPer = format.bits / 8;
  const channels = format.channels;
  const values = new Float32Array(channels * frames);
  for (let t = 0; t < frames; t++) {
    const frameAt = data.at + t * format.blockAlign;
    for (let c = 0; c < channels; c++) {
      const v = read(frameAt + c * bytesPer);
      if (format.code === FLOAT) {
        const problem = sampleProblem(v, `frame ${t}, channel ${c + 1}`);
        if (problem) throw new ImportError(file, problem);
      }
      values[c * frames + t] = v;
    }
  }
  const kind = format.code === FLOAT ? 'float' : 'PCM';
  notes.unshift(
    `${format.sampleRate} Hz, ${channels} channel${channels === 1 ? '' : 's'}, ${format.bits}-bit ` +
      `${kind}: ${channels === 1 ? 'one signal' : 'one signal per channel'} of ${frames} samples`,
  );
  if (data.size % format.blockAlign !== 0) {
    notes.push(`ignored ${data.size % format.blockAlign} bytes of an incomplete last frame`);
  }
  if (skipped.size > 0) notes.push(`skipped chunks: ${[...skipped].join(', ')}`);
  return importedSignals(file, 'wav', channels, frames, values, notes);
}
