/**
 * The benchmark view's state (zustand/vanilla, React-free): the chosen suite, the run in
 * progress with its cancel handle, the results and the browser-kept history, and the run file
 * being imported (read and parsed in a worker) with its cancel handle. Each run gets its own
 * adapter and device, made when it starts and destroyed when it ends.
 */
import { createStore } from 'zustand/vanilla';
import { createBrowserFftPool } from '../../bench/cpu/browser-pool';
import { addToHistory, loadHistory, saveHistory } from '../../bench/history';
import { createHost } from '../../bench/host';
import { decodeResults } from '../../bench/results-link';
import {
  importRunInWorker,
  RunImportCancelledError,
  type RunImportOptions,
  type RunImportProgress,
} from '../../bench/run-import-client';
import { runSuite, type BenchProgress } from '../../bench/runner';
import type { BenchRun, CaseResult, SuiteName } from '../../bench/schema';

export type BenchStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Reads and checks one run file (a worker in the app; a fake in the store's tests). */
export type RunImporter = (file: File, options: RunImportOptions) => Promise<BenchRun>;

/** A run file being imported. */
export interface BenchImporting {
  file: string;
  progress: RunImportProgress;
}

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
  /** The file being imported, or null. */
  importing: BenchImporting | null;
  /** What became of the last import when it was not an error (it was cancelled). */
  importNotice: string | null;
  history: BenchRun[];
  /** Ids of the two runs compared (a, b). */
  compare: [string | null, string | null];
  setSuite(suite: SuiteName): void;
  start(): Promise<void>;
  cancel(): void;
  show(id: string): void;
  remove(id: string): void;
  /**
   * Imports a run file (untrusted JSON), read and parsed off the main thread; a refusal names
   * the file. A second file while one is read replaces it.
   */
  importFile(file: File): Promise<void>;
  /** Stops the import in progress; the shown run and the history stay as they were. */
  cancelImport(): void;
  /** Shows an already parsed and validated run and adds it to the history. */
  addRun(run: BenchRun): void;
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

export function createBenchStore(importer: RunImporter = importRunInWorker) {
  let controller: AbortController | null = null;
  let importController: AbortController | null = null;
  const store = storage();

  return createStore<BenchState>()((set, get) => {
    /** Saves `runs` as the history; a refused write keeps the old one and says why. */
    const remember = (runs: BenchRun[]): BenchRun[] => {
      if (!store) return runs;
      const { runs: kept, problem } = saveHistory(store, runs, get().history);
      set({ storageProblem: problem });
      return kept;
    };
    /** The state that shows `run` (imported or parsed elsewhere) and keeps it in the history. */
    const shown = (run: BenchRun): Partial<BenchState> => ({
      current: run,
      shared: false,
      history: remember(addToHistory(get().history, run)),
      error: null,
    });
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
      importing: null,
      importNotice: null,
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

      async importFile(file) {
        importController?.abort();
        const own = new AbortController();
        importController = own;
        set({
          importing: { file: file.name, progress: { phase: 'reading', done: 0, total: file.size } },
          importNotice: null,
        });
        // Only the latest import may touch the state: a replaced one ends silently.
        const mine = (): boolean => importController === own;
        let run: BenchRun;
        try {
          run = await importer(file, {
            signal: own.signal,
            onProgress: (progress) => {
              if (mine()) set({ importing: { file: file.name, progress } });
            },
          });
        } catch (e) {
          if (!mine()) return;
          importController = null;
          if (e instanceof RunImportCancelledError) {
            set({
              importing: null,
              importNotice: `Import of ${file.name} cancelled; nothing changed.`,
            });
          } else {
            // The client's messages name the file.
            const why = e instanceof Error ? e.message : `${file.name}: ${String(e)}`;
            set({ importing: null, error: `Import failed: ${why}` });
          }
          return;
        }
        if (!mine()) return;
        importController = null;
        set({ importing: null, ...shown(run) });
      },

      cancelImport() {
        importController?.abort();
      },

      addRun(run) {
        set(shown(run));
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
