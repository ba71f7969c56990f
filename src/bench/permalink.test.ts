import { describe, expect, it } from 'vitest';
import { benchHash, parseBenchHash, readBenchHash } from './permalink';

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
  it('says why a #bench= link names no suite', () => {
    expect(readBenchHash('#bench=<script>&autorun')).toEqual({
      link: null,
      problem: expect.stringMatching(
        /suite "<script>", which does not exist; known suites: tiny, quick, full\. Nothing was started/,
      ) as unknown,
    });
    expect(readBenchHash('#bench=')).toMatchObject({
      problem: expect.stringMatching(/""/) as unknown,
    });
    expect(readBenchHash('#n=8')).toEqual({ link: null, problem: null });
    expect(readBenchHash('#bench=tiny')).toEqual({
      link: { suite: 'tiny', autorun: false },
      problem: null,
    });
  });
});
