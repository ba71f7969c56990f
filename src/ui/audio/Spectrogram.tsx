/**
 * The waterfall of the audio frames the pipeline processed: the original's spectrum beside what
 * the φ-resolvent left of it, frequency in Hz up the y axis, time scrolling to the left (the
 * newest column at the right edge). Drawn on canvases: a few hundred columns of a thousand bins
 * each are far too many points for an SVG chart.
 */
import { useEffect, useRef } from 'react';
import type { Spectrogram as SpectrogramData } from '../../audio/spectrogram';
import { SPECTROGRAM_CAP } from '../../audio/spectrogram';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { useAudioController, useAudioView } from './use-audio';
import './audio.css';

/** Rows of the image: bins are pooled (max) into these, low frequencies at the bottom. */
const ROWS = 256;
/** The colour scale: dB relative to a full-scale sine. */
const DB_MIN = -100;
const DB_MAX = 0;

/** Near-black → indigo → amber → pale yellow, at 0, ⅓, ⅔ and 1. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [8, 10, 28],
  [79, 70, 229],
  [245, 158, 11],
  [255, 247, 214],
];

function colour(t: number): readonly [number, number, number] {
  const x = t * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i] ?? [0, 0, 0];
  const b = STOPS[i + 1] ?? a;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/** The colour scale sampled at 256 levels: painting looks colours up instead of mixing them. */
const LEVELS = 256;
const PALETTE: Uint8ClampedArray = (() => {
  const out = new Uint8ClampedArray(3 * LEVELS);
  for (let i = 0; i < LEVELS; i++) out.set(colour(i / (LEVELS - 1)), 3 * i);
  return out;
})();

function level(db: number): number {
  const t = (db - DB_MIN) / (DB_MAX - DB_MIN);
  return t > 0 ? Math.min(LEVELS - 1, Math.round(t * (LEVELS - 1))) : 0;
}

type Which = 'original' | 'filtered';

function paint(canvas: HTMLCanvasElement, data: SpectrogramData, which: Which): void {
  canvas.width = SPECTROGRAM_CAP;
  canvas.height = ROWS;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(SPECTROGRAM_CAP, ROWS);
  const d = image.data;
  const put = (p: number, l: number): void => {
    d[p] = PALETTE[3 * l] ?? 0;
    d[p + 1] = PALETTE[3 * l + 1] ?? 0;
    d[p + 2] = PALETTE[3 * l + 2] ?? 0;
    d[p + 3] = 255;
  };
  for (let p = 0; p < SPECTROGRAM_CAP * ROWS; p++) put(4 * p, 0);
  const bins = data.n / 2 + 1;
  const offset = SPECTROGRAM_CAP - data.columns.length;
  data.columns.forEach((column, c) => {
    const db = column[which];
    for (let row = 0; row < ROWS; row++) {
      // Row 0 is the top of the image: the highest frequencies.
      const lo = Math.floor(((ROWS - 1 - row) * bins) / ROWS);
      const hi = Math.max(lo + 1, Math.floor(((ROWS - row) * bins) / ROWS));
      let max = -Infinity;
      for (let k = lo; k < hi; k++) max = Math.max(max, db[k] ?? -Infinity);
      put(4 * (row * SPECTROGRAM_CAP + offset + c), level(max));
    }
  });
  ctx.putImageData(image, 0, 0);
}

/** Round tick spacing (1, 2 or 5 × 10^k Hz) giving about four ticks up to `top`. */
function tickStep(top: number): number {
  const raw = top / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

function formatHz(hz: number): string {
  return hz >= 1000 ? `${formatNumber(hz / 1000, 3)} kHz` : `${formatNumber(hz, 3)} Hz`;
}

function Waterfall({ data, which, title }: { data: SpectrogramData; which: Which; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) paint(canvas.current, data, which);
  }, [data, which]);
  const nyquist = data.sampleRate / 2;
  const step = nyquist > 0 ? tickStep(nyquist) : 0;
  const ticks: number[] = [];
  for (let f = 0; step > 0 && f <= nyquist; f += step) ticks.push(f);
  const first = data.columns[0];
  const last = data.columns.at(-1);
  return (
    <figure className="audio-waterfall">
      <figcaption>{title}</figcaption>
      <div className="audio-waterfall-plot">
        <div className="audio-axis" aria-hidden="true">
          {ticks.map((f) => (
            <span key={f} style={{ bottom: `${(100 * f) / nyquist}%` }}>
              {f >= 1000 ? `${formatNumber(f / 1000, 3)}k` : formatNumber(f, 3)}
            </span>
          ))}
        </div>
        <canvas
          ref={canvas}
          data-testid={`spectrogram-${which}`}
          data-columns={data.columns.length}
          role="img"
          aria-label={`${title}: ${data.columns.length} frames, 0 to ${formatHz(nyquist)}`}
        />
      </div>
      <div className="audio-time muted small">
        <span>Hz ↑</span>
        <span>
          {first && last ? `${first.t.toFixed(1)} s → ${last.t.toFixed(1)} s` : 'no frames yet'}
        </span>
      </div>
    </figure>
  );
}

export function Spectrogram() {
  const audio = useAudioController();
  const source = useAudioView(audio, (s) => s.source);
  const data = useAudioView(audio, (s) => s.spectrogram);
  const peak = useAudioView(audio, (s) => s.peakHz);
  const kind = useAppState((s) => s.config.kind);
  if (source === 'generator' && data.columns.length === 0) return null;
  return (
    <section
      className="card audio-spectrogram"
      aria-label="Spectrogram"
      data-testid="spectrogram"
      data-columns={data.columns.length}
    >
      <header className="audio-spectrogram-header">
        <h3>Spectrogram: original and filtered</h3>
        <p className="audio-peak">
          strongest bin{' '}
          <strong
            data-testid="spectrum-peak-hz"
            data-value={peak ?? undefined}
            data-sample-rate={data.sampleRate || undefined}
            data-bin-hz={data.sampleRate ? data.sampleRate / data.n : undefined}
          >
            {peak === null ? '—' : formatHz(peak)}
          </strong>
        </p>
      </header>
      <div className="audio-waterfalls">
        <Waterfall data={data} which="original" title="Original" />
        <Waterfall data={data} which="filtered" title="Filtered by R(k)" />
      </div>
      <p className="hint">
        One column per audio frame the pipeline processed, newest at the right. Colour: dB of the
        Hann-windowed spectrum, {DB_MIN} dB (dark) to {DB_MAX} dB (a full-scale sine, pale). What is
        bright in the original and dark in the filtered is what φ removes.
      </p>
      {kind !== 'resolvent' && (
        <p className="hint">
          The spectrogram follows the φ-resolvent kind; choose it under Workload to update it.
        </p>
      )}
    </section>
  );
}
