/**
 * The lab's report: every sweep with every model fitted and ranked, the roofline, and where
 * they were measured. `npm run scaling -- --json` writes it; the README quotes it.
 */
import { fitAndRank, type Ranking } from './ranking';
import type { FitOptions } from './model-fit';
import type { Roofline } from './gpu-sweeps';
import { sweepPoints, type Sweep } from './sweep';

export interface FittedSweep extends Sweep {
  readonly fits: Ranking;
}

export interface ScalingReport {
  readonly schemaVersion: 1;
  readonly date: string;
  readonly quick: boolean;
  readonly machine: { cores: number; runtime: string };
  readonly fit: { seed: number; resamples: number; rankedBy: 'aicc'; bootstrap: 'residual' };
  readonly sweeps: FittedSweep[];
  readonly gpu:
    { adapter: string; software: boolean; timing: string; roofline: Roofline } | { error: string };
}

export function fitSweeps(sweeps: readonly Sweep[], options: FitOptions): FittedSweep[] {
  return sweeps.map((s) => ({ ...s, fits: fitAndRank(sweepPoints(s), options) }));
}

const si = (v: number, unit: string): string => {
  const prefixes: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [f, p] of prefixes)
    if (Math.abs(v) >= f) return `${(v / f).toPrecision(3)} ${p}${unit}`;
  return `${v.toPrecision(3)} ${unit}`;
};

export function formatSweep(s: FittedSweep): string {
  const lines = [`${s.label}  [${s.method}]`];
  for (const p of s.points)
    lines.push(
      `  ${s.xLabel} = ${String(p.x).padStart(9)}: ${p.y.toPrecision(4).padStart(10)} ${s.yLabel}` +
        `  (IQR ${p.yLo.toPrecision(3)}–${p.yHi.toPrecision(3)}, CV ${(100 * p.cv).toFixed(1)}%)`,
    );
  const top = s.fits.models[0];
  lines.push(
    `  best by AICc: ${top?.model ?? '–'}; best hold-out prediction: ${s.fits.bestHoldOut ?? '–'}; ` +
      `best leave-one-out: ${s.fits.bestLoo ?? '–'}`,
  );
  return lines.join('\n');
}

export function formatRoofline(r: Roofline): string {
  const lines = [
    `Roofline: copy bandwidth ${si(r.ceilings.bandwidth, 'B/s')}, FMA peak ${si(r.ceilings.peakFlops, 'FLOP/s')}, ` +
      `ridge at ${(r.ceilings.peakFlops / r.ceilings.bandwidth).toPrecision(3)} FLOP/B`,
  ];
  for (const p of r.points)
    lines.push(
      `  ${p.op.padEnd(10)} ${p.size.padEnd(12)} I = ${p.intensity.toPrecision(3).padStart(6)} FLOP/B  ` +
        `${si(p.flopRate, 'FLOP/s').padStart(13)}  ${(100 * p.fraction).toFixed(1).padStart(5)}% of its ${p.boundBy} roof`,
    );
  for (const f of r.failed) lines.push(`  ${f.op}: not measured (${f.reason})`);
  return lines.join('\n');
}
