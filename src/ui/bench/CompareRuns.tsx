/** Two runs side by side: each case's median time in both and the ratio a ÷ b. */
import { compareRuns } from '../../bench/history';
import type { BenchRun } from '../../bench/schema';

const ms = (v: number | null): string => (v === null ? '–' : v.toPrecision(3));

export function runLabel(r: BenchRun): string {
  return `${new Date(r.date).toLocaleString()} · ${r.suite} · ${r.adapter.architecture || r.adapter.vendor || '?'} · ${r.runtime}`;
}

export function CompareRuns({ a, b }: { a: BenchRun; b: BenchRun }) {
  const deltas = compareRuns(a, b);
  return (
    <div className="bench-table-wrap">
      <table className="bench-table" data-testid="bench-compare">
        <thead>
          <tr>
            <th scope="col">case</th>
            <th scope="col">a ms</th>
            <th scope="col">b ms</th>
            <th scope="col">a ÷ b</th>
            <th scope="col">a err</th>
            <th scope="col">b err</th>
          </tr>
        </thead>
        <tbody>
          {deltas.map((d) => (
            <tr key={d.key}>
              <td>{d.key}</td>
              <td>{ms(d.aMs)}</td>
              <td>{ms(d.bMs)}</td>
              <td
                className={
                  d.speedup === null ? undefined : d.speedup >= 1 ? 'bench-better' : 'bench-worse'
                }
              >
                {d.speedup === null ? '–' : `${d.speedup.toFixed(2)}×`}
              </td>
              <td>{d.aError === null ? '–' : d.aError.toExponential(1)}</td>
              <td>{d.bError === null ? '–' : d.bError.toExponential(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
