/** The benchmark's React-free surface: the app's view, the CLI page and Node all use it. */
export { fingerprint } from './adapter-fingerprint';
export { createHost, type OwnedHost } from './host';
export { runSuite, type BenchHost, type BenchProgress, type RunOptions } from './runner';
export { SUITES, type SuiteSpec } from './suite';
export { formatRun } from './format-table';
export { benchHash, parseBenchHash, type BenchLink } from './permalink';
export * from './schema';
