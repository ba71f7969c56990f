/**
 * The SVG of a radix-2 FFT: a column per stage (0 the input … log2 N the output), a row per
 * index of the stage's buffer, and for each stage the lines of the butterflies that produced
 * it (fft-stages.ts `radix2Butterflies`, the GPU kernel's own index arithmetic). Solid lines
 * feed a + W·b, dashed ones a − W·b. Each column is the element the tests read: its
 * data-values hold the stage's values, [re, im] per row, top to bottom.
 */
import type { ReactNode } from 'react';
import { radix2Butterflies, type OutputArray } from '../../engine';
import { diagramLayout, pairs, shortMagnitude } from './butterfly-data';

interface Props {
  n: number;
  /** Values of every stage, interleaved (re, im), in buffer order. */
  stages: readonly OutputArray[];
  current: number;
  /** Largest |GPU − CPU| per stage (absent when there is no GPU capture). */
  maxDiffs?: readonly number[] | undefined;
  onPick(stage: number): void;
}

function stageName(s: number, last: number): string {
  if (s === 0) return 'input x';
  if (s === last) return `stage ${s} = X`;
  return `stage ${s}`;
}

export function ButterflyDiagram({ n, stages, current, maxDiffs, onPick }: Props) {
  const last = stages.length - 1;
  const layout = diagramLayout(n, stages.length);
  const { nodeWidth, nodeHeight } = layout;
  const lines: ReactNode[] = [];
  for (let s = 1; s <= last; s++) {
    const active = s === current;
    for (const fly of radix2Butterflies(n, s)) {
      for (const from of fly.inputs) {
        fly.outputs.forEach((to, r) => {
          lines.push(
            <line
              key={`${s}-${fly.j}-${from}-${to}`}
              className={`bf-line${active ? ' active' : ''}${r === 1 ? ' diff' : ''}`}
              x1={layout.x(s - 1) + nodeWidth}
              y1={layout.y(from)}
              x2={layout.x(s)}
              y2={layout.y(to)}
            />,
          );
        });
      }
    }
  }
  return (
    <svg
      className="bf-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={`Radix-2 butterfly diagram of a ${n}-point FFT, ${last} stages; stage ${current} highlighted`}
    >
      {Array.from({ length: n }, (_, i) => (
        <text key={i} className="bf-row" x={layout.x(0) - 6} y={layout.y(i)}>
          {i}
        </text>
      ))}
      <g className="bf-lines">{lines}</g>
      {stages.map((stage, s) => {
        const values = pairs(stage);
        const diff = maxDiffs?.[s];
        return (
          <g
            key={s}
            className={`bf-stage${s === current ? ' current' : ''}`}
            data-testid={`butterfly-stage-${s}`}
            data-stage={s}
            data-values={JSON.stringify(values)}
            data-max-diff={diff === undefined ? undefined : String(diff)}
            aria-current={s === current ? 'step' : undefined}
            onClick={() => onPick(s)}
          >
            <text className="bf-head" x={layout.x(s) + nodeWidth / 2} y={14}>
              {stageName(s, last)}
            </text>
            {values.map(([re, im], i) => (
              <g key={i}>
                <title>{`row ${i}: ${re} ${im < 0 ? '−' : '+'} ${Math.abs(im)}i`}</title>
                <rect
                  className="bf-node"
                  x={layout.x(s)}
                  y={layout.y(i) - nodeHeight / 2}
                  width={nodeWidth}
                  height={nodeHeight}
                  rx={4}
                />
                <text className="bf-value" x={layout.x(s) + nodeWidth / 2} y={layout.y(i)}>
                  {shortMagnitude(re, im)}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
