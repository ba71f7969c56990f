import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../io/config';
import { initialConfig, syncPermalink, tabOfLink, type Place } from './permalink-sync';
import { createAppStore } from './store';

function place(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>();
  if (stored !== null) storage.set('phi-resolvent-playground/config', stored);
  const location = { hash, pathname: '/', search: '' };
  const p: Place = {
    location,
    history: {
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => {
        const text = String(url ?? '');
        location.hash = text.startsWith('#') ? text : '';
      },
    },
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
    },
  };
  return { p, storage, location };
}

describe('permalink sync', () => {
  it('reads the hash first and reports its problems', () => {
    const { p } = place('#phi=2&n=1000');
    const { config, notice, benchLink } = initialConfig(p);
    expect(config.phi).toBe(2);
    expect(config.n).toBe(DEFAULT_CONFIG.n);
    expect(notice?.lines.join('\n')).toContain('n must be a power of two');
    expect(benchLink).toBe(false);
  });

  it('falls back to localStorage when there is no hash', () => {
    const { p } = place('', JSON.stringify({ ...DEFAULT_CONFIG, phi: 7 }));
    expect(initialConfig(p).config.phi).toBe(7);
  });

  it('leaves benchmark links to the benchmark tab', () => {
    const { p, location } = place(
      '#bench=tiny&autorun',
      JSON.stringify({ ...DEFAULT_CONFIG, phi: 3 }),
    );
    const init = initialConfig(p);
    expect(init.benchLink).toBe(true);
    expect(init.notice).toBeNull();
    expect(init.config.phi).toBe(3);
    const store = createAppStore(init.config, 'benchmark');
    syncPermalink(store, p, new EventTarget());
    expect(location.hash).toBe('#bench=tiny&autorun');
    store.getState().setTab('playground');
    expect(location.hash).toBe('#phi=3');
  });

  it('opens the tab a lab link names, and leaves a scaling hash alone', () => {
    expect(tabOfLink({ hash: '#bench=quick', search: '' })).toBe('benchmark');
    expect(tabOfLink({ hash: '#scaling=quick', search: '' })).toBe('scaling');
    expect(tabOfLink({ hash: '', search: '?train=%7B%7D' })).toBe('training');
    expect(tabOfLink({ hash: '#phi=2', search: '?sched=%7B%7D' })).toBe('scheduler');
    expect(tabOfLink({ hash: '#phi=2', search: '' })).toBe('playground');

    const { p, location } = place('#scaling=quick', JSON.stringify({ ...DEFAULT_CONFIG, phi: 5 }));
    const init = initialConfig(p);
    expect(init.tab).toBe('scaling');
    expect(init.notice).toBeNull();
    expect(init.config.phi).toBe(5);
    const store = createAppStore(init.config, init.tab);
    syncPermalink(store, p, new EventTarget());
    expect(location.hash).toBe('#scaling=quick');
  });

  it('writes each configuration change to the hash and storage', () => {
    const { p, storage, location } = place('');
    const store = createAppStore({ ...DEFAULT_CONFIG });
    syncPermalink(store, p, new EventTarget());
    store.getState().setConfig({ ...DEFAULT_CONFIG, phi: 0.5, kUnit: 'cycles' });
    expect(location.hash).toBe('#phi=0.5&k=cycles');
    expect(JSON.parse(storage.get('phi-resolvent-playground/config') ?? '{}')).toMatchObject({
      phi: 0.5,
      kUnit: 'cycles',
    });
  });

  it('follows hash edits made by the user', () => {
    const { p, location } = place('');
    const store = createAppStore({ ...DEFAULT_CONFIG });
    const target = new EventTarget();
    syncPermalink(store, p, target);
    location.hash = '#phi=9';
    target.dispatchEvent(new Event('hashchange'));
    expect(store.getState().config.phi).toBe(9);
  });
});
