/**
 * Beside the diagram: the current stage's values from the GPU and from the float64 CPU
 * reference of the same recurrence (cpu/fft64-stages.ts), row by row, with |GPU − CPU| and its
 * largest value over the stage.
 */
import type { OutputArray } from '../../engine';
import { formatNumber } from '../format';
import { complexText, entryDiffs, pairs } from './butterfly-data';

interface Props {
  stage: number;
  last: number;
  /** The GPU's values of this stage; absent without a GPU capture. */
  gpu: OutputArray | undefined;
  cpu: OutputArray | undefined;
  maxDiff: number | undefined;
}

function diffText(d: number): string {
  return d === 0 ? '0' : d.toExponential(1);
}

export function ReferencePanel({ stage, last, gpu, cpu, maxDiff }: Props) {
  if (!cpu) return null;
  const cpuPairs = pairs(cpu);
  const gpuPairs = gpu ? pairs(gpu) : null;
  const diffs = gpu ? entryDiffs(gpu, cpu) : null;
  const what = stage === 0 ? 'the input' : stage === last ? 'the output X' : `stage ${stage}`;
  return (
    <aside className="butterfly-reference" aria-label={`Values of ${what}`}>
      <p className="butterfly-max">
        {maxDiff === undefined ? (
          <>Float64 CPU reference of {what}.</>
        ) : (
          <>
            max |GPU − CPU| at {what}:{' '}
            <strong data-testid="butterfly-max-diff" data-value={maxDiff}>
              {formatNumber(maxDiff, 2)}
            </strong>
          </>
        )}
      </p>
      <div className="butterfly-table-box">
        <table className="butterfly-table" data-testid="butterfly-reference">
          <thead>
            <tr>
              <th scope="col">i</th>
              {gpuPairs && <th scope="col">GPU (f32)</th>}
              <th scope="col">CPU (f64)</th>
              {diffs && <th scope="col">|Δ|</th>}
            </tr>
          </thead>
          <tbody>
            {cpuPairs.map(([re, im], i) => {
              const g = gpuPairs?.[i];
              return (
                <tr key={i}>
                  <td>{i}</td>
                  {g && <td>{complexText(g[0], g[1])}</td>}
                  <td data-re={re} data-im={im}>
                    {complexText(re, im)}
                  </td>
                  {diffs && <td>{diffText(diffs[i] ?? 0)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </aside>
  );
}
