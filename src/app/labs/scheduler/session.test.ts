import { describe, expect, it } from 'vitest';
import { configFromSearch, DEFAULT_LAB_CONFIG, searchOf } from './lab-config';
import { createSchedLab } from './session';

describe('scheduler lab config link', () => {
  it('round-trips through the query and refuses bad or hostile values', () => {
    const c = { ...DEFAULT_LAB_CONFIG, seed: 7, speeds: [4, 1], policyB: 'srpt' as const };
    expect(configFromSearch(searchOf(c))).toEqual(c);
    expect(configFromSearch('')).toBeNull();
    expect(configFromSearch('?sched=not-json')).toBeNull();
    expect(configFromSearch(searchOf({ ...c, count: 1e9 }))).toBeNull();
    expect(configFromSearch(searchOf({ ...c, speeds: [-1] }))).toBeNull();
    expect(configFromSearch(searchOf({ ...c, failure: { core: 5, at: 1 } }))).toBeNull();
  });
});

describe('scheduler lab session', () => {
  it('simulates both policies on one scored task set, fails a core, imports a file', async () => {
    const lab = createSchedLab({ ...DEFAULT_LAB_CONFIG, count: 30 });
    await lab.run();
    const s = lab.store.getState();
    expect(s.error).toBeNull();
    expect(s.a?.policy).toBe('eevdf');
    expect(s.b?.policy).toBe('coherence');
    expect(s.tasks.every((t) => t.coherence !== undefined)).toBe(true);

    lab.setConfig({ policyB: 'fifo' });
    await lab.toggleFailure();
    const failed = lab.store.getState();
    expect(failed.config.failure?.core).toBe(0);
    expect(failed.b?.metrics.migrations).toBeGreaterThan(0);
    expect(JSON.parse(lab.exportJson()).b.policy).toBe('fifo');

    await lab.importText('bad.json', '[{"id":"x","arrival":0,"work":-2}]');
    expect(lab.store.getState().error).toMatch(/bad\.json: task 0 .*work must be > 0/);
    await lab.importText('ok.json', '[{"id":"x","arrival":0,"work":2,"coherence":0.9}]');
    expect(lab.store.getState().b?.schedule).toHaveLength(1);
  });
});
