/**
 * Keeps the configuration in the URL hash and in localStorage. The hash wins on load (it is
 * what a shared link carries); otherwise the last session's stored configuration is used.
 * Both are untrusted: every problem found becomes a notice and the field falls back.
 */
import type { PlaygroundConfig, Problem } from '../io/config';
import { decodeHash, encodeHash, loadStored, saveStored } from '../io/permalink';
import { NOTICE, type Notice } from './notices';
import type { AppStore, Tab } from './store';

export interface Place {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function problemsNotice(source: string, problems: readonly Problem[]): Notice {
  return {
    id: NOTICE.config,
    level: 'warning',
    title: `The configuration from ${source} had problems; the invalid parts were replaced by defaults.`,
    lines: problems.map((p) => `${p.field}: ${p.message}`),
  };
}

/** `#bench=…` links belong to the Benchmark tab (src/bench/permalink.ts), not to the config. */
export function isBenchHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has('bench');
}

/**
 * Links of a tab other than the playground: `#bench=…` (Benchmark), `#scaling=…` (Scaling), and
 * the labs that keep their settings in the query string, `?train=…` (Training) and `?sched=…`
 * (Scheduler). Such a hash is not a playground configuration and is not overwritten on load.
 */
export function tabOfLink(location: Pick<Location, 'hash' | 'search'>): Tab {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const search = new URLSearchParams(location.search);
  if (hash.has('bench')) return 'benchmark';
  if (hash.has('scaling')) return 'scaling';
  if (search.has('train')) return 'training';
  if (search.has('sched')) return 'scheduler';
  return 'playground';
}

/** A hash that belongs to another tab's link (see `tabOfLink`). */
function isLabHash(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has('bench') || params.has('scaling');
}

export function initialConfig(place: Place): {
  config: PlaygroundConfig;
  notice: Notice | null;
  benchLink: boolean;
  /** The tab the link opens. */
  tab: Tab;
} {
  const hash = place.location.hash.replace(/^#/, '');
  const benchLink = isBenchHash(hash);
  const fromHash = hash !== '' && !isLabHash(hash);
  const { config, problems } = fromHash ? decodeHash(hash) : loadStored(place.storage);
  const source = fromHash ? 'the URL hash' : 'localStorage (your last session)';
  return {
    config,
    notice: problems.length > 0 ? problemsNotice(source, problems) : null,
    benchLink,
    tab: tabOfLink(place.location),
  };
}

/** Writes each new configuration to hash and storage; follows hash edits made by the user. */
export function syncPermalink(store: AppStore, place: Place, target: EventTarget): () => void {
  const write = (config: PlaygroundConfig): void => {
    const hash = encodeHash(config);
    const url = hash || `${place.location.pathname}${place.location.search}`;
    // replaceState: one history entry per session, not one per slider tick; no hashchange.
    if (place.location.hash !== hash) place.history.replaceState(null, '', url);
    const problems = saveStored(place.storage, config);
    if (problems.length > 0) store.getState().notify(problemsNotice('saving', problems));
  };
  // A benchmark (or scaling) link stays in the address bar until the playground has something
  // to say.
  if (!isLabHash(place.location.hash)) write(store.getState().config);
  const unsubscribe = store.subscribe((s, prev) => {
    const backToPlayground = s.tab === 'playground' && prev.tab !== 'playground';
    if (s.config !== prev.config || (backToPlayground && isLabHash(place.location.hash))) {
      write(s.config);
    }
  });
  const onHashChange = (): void => {
    if (isLabHash(place.location.hash)) {
      store.getState().setTab(tabOfLink(place.location));
      return;
    }
    const { config, problems } = decodeHash(place.location.hash);
    if (problems.length > 0) store.getState().notify(problemsNotice('the URL hash', problems));
    store.getState().setConfig(config);
  };
  target.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    target.removeEventListener('hashchange', onHashChange);
  };
}
