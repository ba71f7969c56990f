/** What the headless page exposes on `window` for the CLI (scripts/bench.ts) to read. */
import type { BenchProgress } from '../runner';
import type { BenchRun } from '../schema';

declare global {
  interface Window {
    /** A Playwright binding: progress streamed to the terminal. */
    __benchProgress?: (p: BenchProgress) => void;
    __benchResult?: BenchRun;
    __benchError?: string;
  }
}

/** Imported for its global declaration; the name marks the import as deliberate. */
export type BenchPageGlobals = Pick<Window, '__benchProgress' | '__benchResult' | '__benchError'>;
