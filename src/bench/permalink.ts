/**
 * The benchmark permalink: `#bench=<suite>` opens the benchmark with that suite selected, and
 * `&autorun` starts it. The hash is untrusted input, so the suite name goes through the schema.
 */
import { SuiteNameSchema, type SuiteName } from './schema';

export interface BenchLink {
  suite: SuiteName;
  autorun: boolean;
}

export function parseBenchHash(hash: string): BenchLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get('bench');
  if (raw === null) return null;
  const suite = SuiteNameSchema.safeParse(raw);
  if (!suite.success) return null;
  return { suite: suite.data, autorun: params.has('autorun') };
}

export function benchHash(link: BenchLink): string {
  return `#bench=${link.suite}${link.autorun ? '&autorun' : ''}`;
}
