import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../io/config';
import { TOUR_STEPS, tourConfig } from './tour';

describe('tour steps', () => {
  it('walk sampling → DFT → FFT → filter → energy and coherence, in that order', () => {
    expect(TOUR_STEPS.map((s) => s.id).slice(0, 5)).toEqual([
      'sampling',
      'dft',
      'fft',
      'filter',
      'metrics',
    ]);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
  });

  for (const step of TOUR_STEPS) {
    it(`${step.id}: a valid configuration of the φ-resolvent, a target and a typesettable formula`, () => {
      const { config, problems } = tourConfig(step);
      expect(problems).toEqual([]);
      expect(config.kind).toBe('resolvent');
      expect(step.targets.length).toBeGreaterThan(0);
      for (const t of step.targets) expect(t).toMatch(/^\[data-(tour|testid)="[a-z0-9-]+"\]$/);
      if (step.tex)
        expect(() => katex.renderToString(step.tex ?? '', { throwOnError: true })).not.toThrow();
    });
  }

  it('change the controls at every step, so each one shows something new', () => {
    let previous = DEFAULT_CONFIG;
    for (const step of TOUR_STEPS) {
      const { config } = tourConfig(step);
      expect(config, step.id).not.toEqual(previous);
      previous = config;
    }
  });

  it('turn live mode and the φ sweep on for the metrics step only', () => {
    const live = TOUR_STEPS.filter((s) => tourConfig(s).config.sweep).map((s) => s.id);
    expect(live).toEqual(['metrics']);
  });
});
