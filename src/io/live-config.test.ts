import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig, validateField } from './config';
import { decodeHash, encodeHash, loadStored, saveStored } from './permalink';

describe('live mode fields', () => {
  it('are off by default, so a plain link shows a still workload', () => {
    expect(DEFAULT_CONFIG.live).toBe(false);
    expect(DEFAULT_CONFIG.sweep).toBe(false);
  });

  it('accept booleans and the text a URL carries, and refuse anything else by name', () => {
    expect(validateField('live', true)).toEqual({ ok: true, value: true });
    expect(validateField('live', 'false')).toEqual({ ok: true, value: false });
    expect(validateField('sweep', 'true')).toEqual({ ok: true, value: true });
    expect(validateField('live', 1)).toEqual({
      ok: false,
      message: 'live must be true or false; got 1',
    });
    expect(validateField('sweep', 'yes')).toEqual({
      ok: false,
      message: 'φ sweep must be true or false; got "yes"',
    });
  });

  it('round-trip through the URL hash and localStorage', () => {
    const config = { ...DEFAULT_CONFIG, live: true, sweep: true };
    expect(encodeHash(config)).toBe('#live=true&sweep=true');
    expect(decodeHash(encodeHash(config))).toEqual({ config, problems: [] });
    const memory = new Map<string, string>();
    const storage = {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => void memory.set(k, v),
    };
    expect(saveStored(storage, config)).toEqual([]);
    expect(loadStored(storage)).toEqual({ config, problems: [] });
  });

  it('fall back to the default with a problem naming the field', () => {
    const { config, problems } = decodeHash('#live=on&sweep=true');
    expect(config).toEqual({ ...DEFAULT_CONFIG, sweep: true });
    expect(problems).toEqual([
      { field: 'live', message: 'live must be true or false; got "on"; using false' },
    ]);
    expect(parseConfig({ live: null }).problems[0]?.field).toBe('live');
  });
});
