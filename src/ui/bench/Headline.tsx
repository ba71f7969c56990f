/**
 * The run in four numbers and a sentence, above the table. Each number keeps its full
 * precision in `data-value` (and its spread in `data-spread`) for tests and scripts.
 */
import { formatFigure, headlineOf, type Figure } from '../../bench/headline';
import type { BenchRun } from '../../bench/schema';

interface TileProps {
  testId: string;
  title: string;
  figure: Figure | null;
  unit: string;
  /** Display scale (100 for a percentage). */
  scale?: number;
  digits?: (v: number) => string;
  extra?: string;
  missing: string;
}

function Tile({
  testId,
  title,
  figure,
  unit,
  scale = 1,
  digits = formatFigure,
  extra,
  missing,
}: TileProps) {
  return (
    <div
      className="bench-figure"
      data-testid={testId}
      {...(figure
        ? { 'data-value': String(figure.value), 'data-spread': String(figure.spread ?? '') }
        : {})}
    >
      <div className="bench-figure-title">{title}</div>
      {figure ? (
        <>
          <div className="bench-figure-value">
            {digits(figure.value * scale)}
            <span className="bench-figure-unit">{unit}</span>
          </div>
          <div className="bench-figure-spread">
            {figure.spread === null
              ? 'no spread recorded (older run)'
              : `±${(figure.spread * 100).toFixed(1)}% · ${figure.spreadOf}`}
          </div>
          {extra && <div className="bench-figure-spread">{extra}</div>}
        </>
      ) : (
        <div className="bench-figure-missing">{missing}</div>
      )}
    </div>
  );
}

export function Headline({ run }: { run: BenchRun }) {
  const h = headlineOf(run);
  const fft = h.fft;
  return (
    <section className="bench-headline" data-testid="bench-headline" aria-label="Headline">
      <h3>
        At N = {h.n}
        {fft && (
          <span className="muted">
            {' '}
            · {fft.batch} signals{fft.variant ? ` · ${fft.variant} variant` : ''}
          </span>
        )}
        {h.software && <span className="bench-software-tag"> · software adapter</span>}
      </h3>
      <p className="bench-verdict" data-testid="bench-headline-verdict">
        {h.verdict}
      </p>
      <div className="bench-figures">
        <Tile
          testId="bench-headline-copy"
          title="Copy bandwidth"
          figure={h.copyGbps}
          unit=" GB/s"
          missing="no copy measured at these bytes"
        />
        <Tile
          testId="bench-headline-gflops"
          title="FFT throughput"
          figure={h.gflops}
          unit=" GFLOP/s"
          missing="no verified FFT"
        />
        <Tile
          testId="bench-headline-efficiency"
          title="Efficiency (of copy bandwidth)"
          figure={h.efficiency}
          unit="%"
          scale={100}
          digits={(v) => v.toFixed(0)}
          missing="not measured"
        />
        <Tile
          testId="bench-headline-speedup"
          title="Speed-up over the CPU"
          figure={h.cpuSpeedup}
          unit={h.cpuSpeedup && h.cpuSpeedup.value < 1 ? '× slower' : '× faster'}
          // A slowdown reads as "261× slower", not "0.00383×"; data-value keeps the ratio.
          digits={(v) => formatFigure(v < 1 ? 1 / v : v)}
          {...(h.cpuSpeedup ? { extra: `vs ${h.cpuSpeedup.peer}, the fastest that passed` } : {})}
          missing="no CPU library passed verification"
        />
      </div>
      {h.failedPeers.length > 0 && (
        <ul className="bench-failed-peers" data-testid="bench-headline-failed-peers">
          {h.failedPeers.map((p) => (
            <li key={p.label}>
              Not compared: {p.label}: {p.error}, so no ratio is given.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
