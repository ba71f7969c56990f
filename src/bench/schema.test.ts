import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../engine';
import { BenchRunSchema, OPS, parseBenchRun } from './schema';
import { sampleRun } from './testing/sample-run';

describe('benchmark JSON', () => {
  it('a run survives JSON and parses back equal', () => {
    const run = sampleRun();
    expect(parseBenchRun(JSON.stringify(run))).toEqual(run);
  });
  it('every case carries the fields the format promises', () => {
    const c = sampleRun().cases[0];
    for (const k of [
      'op',
      'shape',
      'batch',
      'bytes',
      'medianMs',
      'cv',
      'gflops',
      'gbps',
      'efficiency',
      'dispatches',
      'maxRelError',
    ]) {
      expect(c).toHaveProperty(k);
    }
  });
  it('names the first bad field of a damaged file', () => {
    const run = sampleRun() as unknown as { cases: { medianMs: unknown }[] };
    const first = run.cases[0];
    if (first) first.medianMs = -1;
    expect(() => parseBenchRun(JSON.stringify(run))).toThrow(/cases\.0\.medianMs/);
  });
  it('parses a run saved before the efficiency targets existed', () => {
    const older = sampleRun();
    expect(older.targets.efficiency).toBeDefined();
    delete older.targets.efficiency;
    const parsed = parseBenchRun(JSON.stringify(older));
    expect(parsed.targets).not.toHaveProperty('efficiency');
    expect(parsed).toEqual(older);
  });
  it('parses a run saved before paired copies and the timestamp quantization field', () => {
    const older = sampleRun();
    delete older.timestampQuantization;
    for (const c of older.cases) delete c.efficiencySpread;
    expect(parseBenchRun(JSON.stringify(older))).toEqual(older);
    const newer = { ...sampleRun(), timestampQuantization: 'disabled' as const };
    expect(parseBenchRun(JSON.stringify(newer)).timestampQuantization).toBe('disabled');
    expect(() =>
      parseBenchRun(JSON.stringify({ ...sampleRun(), timestampQuantization: 'off' })),
    ).toThrow(/timestampQuantization/);
  });
  it('rejects non-JSON and other versions', () => {
    expect(() => parseBenchRun('{oops')).toThrow(/Not JSON/);
    expect(BenchRunSchema.safeParse({ ...sampleRun(), schemaVersion: 2 }).success).toBe(false);
  });
});

describe('benchmark ops', () => {
  // The schema stays free of engine imports (the CLI parses runs without loading WGSL), so this
  // test is what keeps its list in step with the engine's operators.
  it("name every engine operator by its id (the resolvent as 'resolvent-fused'/'-separate')", () => {
    for (const id of Object.keys(OPERATORS)) {
      if (id === 'resolvent') {
        expect(OPS).toEqual(expect.arrayContaining(['resolvent-fused', 'resolvent-separate']));
      } else {
        expect(OPS, id).toContain(id);
      }
    }
  });
});
