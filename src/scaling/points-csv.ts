/**
 * Reads a sweep as CSV with the header `x,y`. Every error names the data row (1-based, the
 * header not counted) and the field, since the file is the user's and they must find the line.
 */
import { z } from 'zod';
import { ScalingDataError } from './errors';
import type { Points } from './least-squares';

/** A decimal or scientific number and nothing else: `Number('')` is 0 and `Number('0x1')` is 1. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const numeric = (field: string) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    const v = NUMBER.test(t) ? Number(t) : NaN;
    if (!Number.isFinite(v)) {
      ctx.addIssue({ code: 'custom', message: `${field} is not a finite number (got '${t}')` });
      return z.NEVER;
    }
    return v;
  });

const Row = z.object({
  x: numeric('x').refine((v) => v > 0, { message: 'x must be positive' }),
  y: numeric('y'),
});

/** Most rows a file may hold: a sweep has tens of points; this bounds the work of a fit. */
export const MAX_ROWS = 10_000;

export function parsePointsCsv(text: string): Points {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').trim();
  if (header.replace(/\s+/g, '').toLowerCase() !== 'x,y')
    throw new ScalingDataError(`the first line must be the header 'x,y' (got '${header}')`);
  const rows = lines.slice(1);
  if (rows.length > MAX_ROWS)
    throw new ScalingDataError(`at most ${MAX_ROWS} rows are allowed (got ${rows.length})`);
  const x: number[] = [];
  const y: number[] = [];
  rows.forEach((line, i) => {
    const row = i + 1;
    const fields = line.split(',');
    if (fields.length !== 2)
      throw new ScalingDataError(
        `row ${row}: expected 2 fields 'x,y', got ${fields.length} ('${line.trim()}')`,
        row,
      );
    const parsed = Row.safeParse({ x: fields[0], y: fields[1] });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ScalingDataError(`row ${row}: ${issue?.message ?? 'invalid'}`, row);
    }
    x.push(parsed.data.x);
    y.push(parsed.data.y);
  });
  if (x.length === 0) throw new ScalingDataError('the file has a header but no data rows');
  return { x, y };
}

export function pointsToCsv(points: Points): string {
  return ['x,y', ...points.x.map((x, i) => `${x},${points.y[i] as number}`)].join('\n') + '\n';
}
