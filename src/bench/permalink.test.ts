import { describe, expect, it } from 'vitest';
import { benchHash, parseBenchHash } from './permalink';

describe('benchmark permalink', () => {
  it('round-trips suite and autorun', () => {
    for (const link of [
      { suite: 'quick', autorun: true },
      { suite: 'full', autorun: false },
    ] as const) {
      expect(parseBenchHash(benchHash(link))).toEqual(link);
    }
  });
  it('reads the documented form', () => {
    expect(parseBenchHash('#bench=quick&autorun')).toEqual({ suite: 'quick', autorun: true });
  });
  it('ignores hashes without a valid suite', () => {
    expect(parseBenchHash('')).toBeNull();
    expect(parseBenchHash('#tab=fft')).toBeNull();
    expect(parseBenchHash('#bench=<script>&autorun')).toBeNull();
  });
});
