/**
 * The results of a run as a table, its rows grouped by what they measure: each group is a
 * `<tbody>` whose header row opens or closes it and says how many rows it holds, which sizes
 * and whether all passed verification. The cells are formatted as the CLI prints them, except
 * the verification column, which says "passed" or "failed", and the peer columns, which say why
 * a peer that failed verification has no ratio.
 */
import { useState } from 'react';
import { caseRow, TABLE_COLUMNS } from '../../bench/format-table';
import { passedVerification } from '../../bench/headline';
import type { CaseResult } from '../../bench/schema';
import { COLUMNS, type ColumnName } from './columns';
import { groupCases, groupSummary, OPEN_BY_DEFAULT } from './row-groups';

const col = (name: ColumnName): number => TABLE_COLUMNS.indexOf(name);

/** The note's "peer failed accuracy" parts, by the column whose ratio they withhold. */
function peerFailures(c: CaseResult): Map<number, string> {
  const out = new Map<number, string>();
  for (const part of (c.note ?? '').split('; ')) {
    if (!part.includes('peer failed accuracy')) continue;
    out.set(part.startsWith('cuFFT') ? col('vs cuFFT') : col('vs tfjs'), part);
  }
  return out;
}

/**
 * The case's note, with each peer failure naming its peer (the runner writes TensorFlow.js's
 * without a name) and saying what follows from it.
 */
function noteText(note: string): string {
  return note
    .split('; ')
    .map((part) => {
      if (!part.includes('peer failed accuracy')) return part;
      const named = part.startsWith('cuFFT') ? part : `TensorFlow.js ${part}`;
      return `${named}, so no ratio is given against it`;
    })
    .join('; ');
}

function Row({ c }: { c: CaseResult }) {
  const passed = passedVerification(c);
  const failures = peerFailures(c);
  const cells = caseRow(c);
  const verdictTitle = `error ${c.maxRelError.toExponential(2)}, tolerance ${c.tolerance.toExponential(2)}`;
  return (
    <>
      <tr
        data-testid="bench-row"
        className={passed ? undefined : 'bench-row-failed'}
        title={[c.software ? 'software adapter: CPU emulation' : null, `timing: ${c.method}`]
          .filter(Boolean)
          .join(' · ')}
      >
        {cells.map((v, j) => {
          if (j === col('ok')) {
            return (
              <td key={j} className={passed ? 'bench-passed' : 'bench-failed'} title={verdictTitle}>
                {passed ? 'passed' : 'failed'}
              </td>
            );
          }
          const failure = failures.get(j);
          if (failure) {
            return (
              <td key={j} className="bench-failed" title={failure}>
                no ratio
              </td>
            );
          }
          return <td key={j}>{v}</td>;
        })}
      </tr>
      {c.note && (
        <tr className="bench-note-row" data-testid="bench-row-note">
          <td colSpan={TABLE_COLUMNS.length}>
            <span className="bench-note">↳ {noteText(c.note)}</span>
          </td>
        </tr>
      )}
    </>
  );
}

export function ResultsTable({ cases }: { cases: readonly CaseResult[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(OPEN_BY_DEFAULT);
  if (cases.length === 0) return <p className="muted">No results yet.</p>;
  const groups = groupCases(cases);
  const allOpen = groups.every((g) => open.has(g.id));
  const toggle = (id: string): void => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpen(next);
  };
  return (
    <>
      <div className="bench-table-tools">
        <button
          type="button"
          data-testid="bench-expand-all"
          onClick={() => setOpen(allOpen ? new Set() : new Set(groups.map((g) => g.id)))}
        >
          {allOpen ? 'Collapse all groups' : `Show all ${cases.length} rows`}
        </button>
        <span className="muted">Rows are grouped by operation; open a group to see each size.</span>
      </div>
      {/* The table scrolls inside this box on a narrow screen; the page itself does not. */}
      <div className="bench-table-wrap" role="region" aria-label="Results table" tabIndex={0}>
        <table className="bench-table" data-testid="bench-results">
          <thead>
            <tr>
              {TABLE_COLUMNS.map((c) => (
                <th key={c} scope="col">
                  <abbr title={COLUMNS[c].legend}>{COLUMNS[c].label}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((g) => {
            const isOpen = open.has(g.id);
            return (
              <tbody key={g.id} data-group={g.id}>
                <tr className="bench-group-head">
                  <th colSpan={TABLE_COLUMNS.length} scope="rowgroup">
                    <button
                      type="button"
                      className="bench-group-toggle"
                      aria-expanded={isOpen}
                      data-testid={`bench-group-${g.id}`}
                      onClick={() => toggle(g.id)}
                    >
                      <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {g.label}
                      <span className={g.failed > 0 ? 'bench-failed' : 'muted'}>
                        {' '}
                        · {groupSummary(g)}
                      </span>
                    </button>
                  </th>
                </tr>
                {isOpen && g.rows.map(({ c, index }) => <Row key={index} c={c} />)}
              </tbody>
            );
          })}
        </table>
      </div>
    </>
  );
}

/** Every column in words: visible under the table, so it is read on phones too (no hover). */
export function ColumnLegend() {
  return (
    <details className="bench-legend" data-testid="bench-legend" open>
      <summary>What the columns mean</summary>
      <dl>
        {TABLE_COLUMNS.map((c) => (
          <div key={c}>
            <dt>{COLUMNS[c].label}</dt>
            <dd>{COLUMNS[c].legend}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
