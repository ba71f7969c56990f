/**
 * The benchmark view's state (zustand/vanilla, React-free): the chosen suite, the run in
 * progress with its cancel handle, the results and the browser-kept history. Each run gets its
 * own adapter and device, made when it starts and destroyed when it ends.
 */
import { createStore } from 'zustand/vanilla';
import { createBrowserFftPool } from '../../bench/cpu/browser-pool';
import { addToHistory, loadHistory, saveHistory } from '../../bench/history';
import { createHost } from '../../bench/host';
import { decodeResults } from '../../bench/results-link';
import { runSuite, type BenchProgress } from '../../bench/runner';
import { parseBenchRun, type BenchRun, type CaseResult, type SuiteName } from '../../bench/schema';

export type BenchStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface BenchState {
  suite: SuiteName;
  status: BenchStatus;
  progress: BenchProgress | null;
  /** Cases of the run in progress, as they are measured. */
  live: CaseResult[];
  /** The run shown: the last finished, or one picked from the history, imported or linked. */
  current: BenchRun | null;
  /** `current` came from a results link: it was measured elsewhere and not re-run here. */
  shared: boolean;
  /** A results link is being decoded. */
  opening: boolean;
  /** Why the benchmark link in the address bar was not used (bad suite, bad results). */
  linkProblem: string | null;
  error: string | null;
  /** Why the last history write was refused (the stored history then stays as it was). */
  storageProblem: string | null;
  history: BenchRun[];
  /** Ids of the two runs compared (a, b). */
  compare: [string | null, string | null];
  setSuite(suite: SuiteName): void;
  start(): Promise<void>;
  cancel(): void;
  show(id: string): void;
  remove(id: string): void;
  /** Parses a run (untrusted JSON); `file` names it in the error. */
  importRun(text: string, file?: string): void;
  /** Shows why an import was refused before its text was read. */
  refuseImport(why: string): void;
  /** Shows the run a results link carries (untrusted), or says why it was refused. */
  openResults(payload: string): Promise<void>;
  setLinkProblem(problem: string | null): void;
  setCompare(slot: 0 | 1, id: string | null): void;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be disabled (privacy settings): the history then lives for the session only.
    return null;
  }
}

export function createBenchStore() {
  let controller: AbortController | null = null;
  const store = storage();

  return createStore<BenchState>()((set, get) => {
    /** Saves `runs` as the history; a refused write keeps the old one and says why. */
    const remember = (runs: BenchRun[]): BenchRun[] => {
      if (!store) return runs;
      const { runs: kept, problem } = saveHistory(store, runs, get().history);
      set({ storageProblem: problem });
      return kept;
    };
    return {
      suite: 'quick',
      status: 'idle',
      progress: null,
      live: [],
      current: null,
      shared: false,
      opening: false,
      linkProblem: null,
      error: null,
      storageProblem: null,
      history: store ? loadHistory(store) : [],
      compare: [null, null],

      setSuite: (suite) => set({ suite }),

      async start() {
        if (get().status === 'running') return;
        controller = new AbortController();
        const { signal } = controller;
        set({ status: 'running', progress: null, live: [], error: null });
        let owned: Awaited<ReturnType<typeof createHost>> | null = null;
        try {
          if (!('gpu' in navigator)) throw new Error('WebGPU is not available in this browser.');
          owned = await createHost(
            navigator.gpu,
            'browser',
            navigator.userAgent,
            createBrowserFftPool,
          );
          const run = await runSuite(owned.host, get().suite, {
            signal,
            onProgress: (progress) => set({ progress }),
            onCase: (c) => set((s) => ({ live: [...s.live, c] })),
          });
          const history = remember(addToHistory(get().history, run));
          set({ status: 'done', current: run, shared: false, history });
        } catch (e) {
          if (signal.aborted) set({ status: 'cancelled' });
          else set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
        } finally {
          owned?.dispose();
          controller = null;
        }
      },

      cancel() {
        controller?.abort(new DOMException('Benchmark cancelled', 'AbortError'));
      },

      show(id) {
        const run = get().history.find((r) => r.id === id);
        if (run) {
          set({
            current: run,
            shared: false,
            status: get().status === 'running' ? 'running' : 'idle',
          });
        }
      },

      remove(id) {
        const history = remember(get().history.filter((r) => r.id !== id));
        const current = get().current?.id === id ? null : get().current;
        const [a, b] = get().compare;
        const compare: [string | null, string | null] = [a === id ? null : a, b === id ? null : b];
        set({ history, current, compare });
      },

      importRun(text, file) {
        try {
          const run = parseBenchRun(text);
          set({
            current: run,
            shared: false,
            history: remember(addToHistory(get().history, run)),
            error: null,
          });
        } catch (e) {
          const where = file === undefined ? '' : `${file}: `;
          set({ error: `Import failed: ${where}${e instanceof Error ? e.message : String(e)}` });
        }
      },

      refuseImport(why) {
        set({ error: `Import failed: ${why}` });
      },

      async openResults(payload) {
        set({ opening: true });
        const decoded = await decodeResults(payload);
        // A run started meanwhile wins: the link's results would replace what it measures.
        if (get().status === 'running') {
          set({ opening: false });
          return;
        }
        if (decoded.ok) {
          set({ current: decoded.run, shared: true, opening: false, linkProblem: null });
        } else {
          set({ opening: false, linkProblem: decoded.problem });
        }
      },

      setLinkProblem(linkProblem) {
        set({ linkProblem });
      },

      setCompare(slot, id) {
        const compare: [string | null, string | null] = [...get().compare];
        compare[slot] = id;
        set({ compare });
      },
    };
  });
}

export type BenchStore = ReturnType<typeof createBenchStore>;
