/**
 * The benchmark permalink: `#bench=<suite>` opens the benchmark with that suite selected, and
 * `&autorun` starts it. The hash is untrusted input, so the suite name goes through the schema.
 */
import { SUITE_NAMES, SuiteNameSchema, type SuiteName } from './schema';

export interface BenchLink {
  suite: SuiteName;
  autorun: boolean;
}

export function parseBenchHash(hash: string): BenchLink | null {
  return readBenchHash(hash).link;
}

/**
 * The link a hash holds, or why a `#bench=` hash holds none (shown on the Benchmark tab, so a
 * mistyped link does not silently open the default suite). No `bench` key: neither.
 */
export function readBenchHash(hash: string): { link: BenchLink | null; problem: string | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get('bench');
  if (raw === null) return { link: null, problem: null };
  const suite = SuiteNameSchema.safeParse(raw);
  if (!suite.success) {
    const shown = JSON.stringify(raw.length > 40 ? `${raw.slice(0, 39)}…` : raw);
    return {
      link: null,
      problem:
        `This benchmark link names the suite ${shown}, which does not exist; known suites: ` +
        `${SUITE_NAMES.join(', ')}. Nothing was started: pick a suite below.`,
    };
  }
  return { link: { suite: suite.data, autorun: params.has('autorun') }, problem: null };
}

export function benchHash(link: BenchLink): string {
  return `#bench=${link.suite}${link.autorun ? '&autorun' : ''}`;
}
