/** The results of a run as a table; the cells are formatted as the CLI prints them. */
import { caseRow, TABLE_COLUMNS } from '../../bench/format-table';
import type { CaseResult } from '../../bench/schema';

export function ResultsTable({ cases }: { cases: readonly CaseResult[] }) {
  if (cases.length === 0) return <p className="muted">No results yet.</p>;
  return (
    <div className="bench-table-wrap">
      <table className="bench-table" data-testid="bench-results">
        <thead>
          <tr>
            {TABLE_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cases.map((c, i) => {
            const failed = c.maxRelError > c.tolerance;
            return (
              <tr
                key={`${c.op}-${c.shape.join('x')}-${c.batch}-${i}`}
                className={failed ? 'bench-row-failed' : undefined}
                title={[
                  c.note,
                  c.software ? 'software adapter: CPU emulation' : null,
                  `method: ${c.method}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              >
                {caseRow(c).map((v, j) => (
                  <td key={j}>{v}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
