/**
 * A small seeded fuzzer for the parsers' tests: generated and mutated inputs, run until a case
 * count or a time budget is spent, each case timed against its own budget. A failure names the
 * seed and the case index, so `fuzz(..., { seed, only: index })` replays it.
 */
import { createRng, type Rng } from '../../workloads/rng';

export interface FuzzBudget {
  seed: number;
  /** Stop after this many cases… */
  cases: number;
  /** …or once this much time is spent, whichever comes first. */
  totalMs: number;
  /** A single case over this is a failure (an input that freezes the page). */
  caseMs: number;
}

export interface FuzzReport {
  cases: number;
  slowestMs: number;
}

/** Runs `check` on generated inputs; throws with the seed and case index of the first failure. */
export function fuzz<T>(
  budget: FuzzBudget,
  generate: (rng: Rng, index: number) => T,
  check: (input: T) => void,
): FuzzReport {
  const rng = createRng(budget.seed);
  const start = performance.now();
  let slowestMs = 0;
  let i = 0;
  for (; i < budget.cases && performance.now() - start < budget.totalMs; i++) {
    const input = generate(rng, i);
    const t0 = performance.now();
    try {
      check(input);
    } catch (e) {
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new Error(`fuzz seed ${budget.seed}, case ${i}: ${what}\ninput: ${show(input)}`, {
        cause: e,
      });
    }
    let ms = performance.now() - t0;
    // A slow input is slow every time; a garbage collection or a busy CI machine is not, so a
    // case over budget is timed twice more and judged by its fastest run.
    for (let retry = 0; retry < 2 && ms > budget.caseMs; retry++) {
      const t1 = performance.now();
      check(input);
      ms = Math.min(ms, performance.now() - t1);
    }
    slowestMs = Math.max(slowestMs, ms);
    if (ms > budget.caseMs) {
      throw new Error(
        `fuzz seed ${budget.seed}, case ${i} took ${ms.toFixed(0)} ms, over the ${budget.caseMs} ms budget\ninput: ${show(input)}`,
      );
    }
  }
  return { cases: i, slowestMs };
}

function show(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input.slice(0, 300));
  if (input instanceof ArrayBuffer) return `${input.byteLength} bytes`;
  try {
    const text = JSON.stringify(input, (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v.toString()}n` : v,
    );
    return text.slice(0, 300);
  } catch {
    return String(Object.prototype.toString.call(input));
  }
}

export const int = (rng: Rng, lo: number, hi: number): number =>
  lo + Math.floor(rng.next() * (hi - lo + 1));

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  // The list may hold `undefined` itself, so the index, not the item, is checked.
  return items[int(rng, 0, items.length - 1)] as T;
}

/** Tokens that break parsers: separators, odd numbers, encodings, markup, prototype keys. */
export const NASTY_TOKENS = [
  '',
  ' ',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '"',
  '#',
  '0',
  '-0',
  '1e-50',
  '1e400',
  '-1e39',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '.',
  '+.5e-3',
  '１２',
  '٣',
  '\u0000',
  '\u0007',
  '\uFEFF',
  '\uD800',
  '😀',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '{"__proto__":{"x":1}}',
  '[',
  ']',
  '{',
  '}',
  'null',
  'true',
  '%',
  '%zz',
  '&',
  '=',
] as const;

/** `base` with a few random edits: tokens inserted, spans deleted or duplicated, chars flipped. */
export function mutateText(rng: Rng, base: string, edits = int(rng, 1, 4)): string {
  let s = base;
  for (let e = 0; e < edits; e++) {
    const at = int(rng, 0, s.length);
    switch (int(rng, 0, 3)) {
      case 0:
        s = s.slice(0, at) + pick(rng, NASTY_TOKENS) + s.slice(at);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at + int(rng, 1, 8));
        break;
      case 2: {
        const span = s.slice(at, at + int(rng, 1, 16));
        s = s.slice(0, at) + span.repeat(int(rng, 2, 50)) + s.slice(at);
        break;
      }
      default:
        s = s.slice(0, at) + String.fromCharCode(int(rng, 0, 0x2fff)) + s.slice(at + 1);
    }
  }
  return s;
}

/** `base` with a few bytes overwritten, inserted or dropped. */
export function mutateBytes(rng: Rng, base: Uint8Array, edits = int(rng, 1, 6)): ArrayBuffer {
  let bytes = Array.from(base);
  for (let e = 0; e < edits; e++) {
    const at = int(rng, 0, bytes.length);
    switch (int(rng, 0, 2)) {
      case 0:
        bytes[at] = int(rng, 0, 255);
        break;
      case 1:
        bytes = [
          ...bytes.slice(0, at),
          ...Array.from({ length: int(rng, 1, 8) }, () => int(rng, 0, 255)),
          ...bytes.slice(at),
        ];
        break;
      default:
        bytes.splice(at, int(rng, 1, 8));
    }
  }
  return new Uint8Array(bytes).buffer;
}

/** Any JavaScript value, nested: the shapes an attacker or a buggy caller passes. */
export function anyValue(rng: Rng, depth = 2): unknown {
  const scalars: unknown[] = [
    null,
    undefined,
    true,
    false,
    0,
    -0,
    1,
    -1,
    2,
    8,
    1.5,
    2 ** 21,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER,
    1n,
    8n,
    '8',
    'false',
    'true',
    '',
    'radians',
    Symbol('s'),
    () => 1,
    Object.create(null),
    new Float32Array(8),
    new BigInt64Array(2),
    new DataView(new ArrayBuffer(8)),
  ];
  if (depth <= 0 || rng.next() < 0.6) return pick(rng, scalars);
  if (rng.next() < 0.5) {
    const list = Array.from({ length: int(rng, 0, 3) }, () => anyValue(rng, depth - 1));
    if (rng.next() < 0.1) list.push(list);
    return list;
  }
  const keys = ['shape', 'batch', 'real', 'inverse', 'phi', 'n', '__proto__', 'x'];
  const obj: Record<string, unknown> = {};
  for (let k = int(rng, 0, 3); k > 0; k--) obj[pick(rng, keys)] = anyValue(rng, depth - 1);
  if (rng.next() < 0.1) obj.self = obj;
  return obj;
}
