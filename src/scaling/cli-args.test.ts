import { describe, expect, it } from 'vitest';
import { parseFitArgs, parseScalingArgs, UsageError } from './cli-args';

function usage(f: () => unknown): UsageError {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('parseFitArgs', () => {
  it('reads the documented command line', () => {
    expect(parseFitArgs(['--model', 'usl', '--data', 'points.csv', '--json', 'out.json'])).toEqual({
      model: 'usl',
      data: 'points.csv',
      json: 'out.json',
      seed: 1,
      resamples: 400,
    });
    expect(parseFitArgs(['--data', 'p.csv', '--seed', '9', '--resamples', '0'])).toMatchObject({
      model: 'all',
      seed: 9,
      resamples: 0,
    });
    expect(parseFitArgs(['--help'])).toBe('help');
  });

  it('names the flag and the allowed values when an argument is bad', () => {
    const bad = usage(() => parseFitArgs(['--data', 'p.csv', '--model', 'linear']));
    expect(bad.flag).toBe('--model');
    expect(bad.message).toMatch(/amdahl, gustafson, usl, hs, vs, ns, all \(got 'linear'\)/);
    expect(usage(() => parseFitArgs(['--model', 'usl'])).flag).toBe('--data');
    expect(usage(() => parseFitArgs(['--data'])).message).toMatch(/--data needs/);
    expect(usage(() => parseFitArgs(['--data', 'p', '--seed', '-1'])).flag).toBe('--seed');
    expect(usage(() => parseFitArgs(['--data', 'p', '--resamples', '1.5'])).flag).toBe(
      '--resamples',
    );
    expect(usage(() => parseFitArgs(['--data', 'p', '--verbose'])).flag).toBe('--verbose');
  });
});

describe('parseScalingArgs', () => {
  it('reads flags and refuses unknown ones', () => {
    expect(
      parseScalingArgs(['--quick', '--json', 'o.json', '--max-workers', '8', '--no-gpu']),
    ).toEqual({
      quick: true,
      json: 'o.json',
      seed: 1,
      resamples: 400,
      maxWorkers: 8,
      gpu: false,
    });
    // The worker sweep runs n = 1 … max: USL's three parameters and leave-one-out need ≥ 4 points.
    expect(usage(() => parseScalingArgs(['--max-workers', '3'])).message).toMatch(/4 to 256/);
    expect(usage(() => parseScalingArgs(['--fast'])).flag).toBe('--fast');
  });
});
