/**
 * Live mode's two switches, kept in the configuration (not in the store beside it) so they go
 * through the same rules as every other field: a link or the last session can carry them, a bad
 * value is named and replaced, and a preset or a tour step sets them in the one configuration
 * it parses. What a live frame computes from them is src/app/live.ts.
 */
import { z } from 'zod';
import type { Rule } from '../workloads/param-rules';

export interface LiveConfig {
  /** Each frame runs on a new window of the signals: fresh noise, drifting phases. */
  live: boolean;
  /** While live, φ swings between φ/10 and 10·φ and back (live.ts). */
  sweep: boolean;
}

export const LIVE_DEFAULTS: Readonly<LiveConfig> = Object.freeze({ live: false, sweep: false });

/**
 * true or false, also as the text a URL hash carries ('true', 'false'). 1 and 0 are refused:
 * every other field reads them as numbers, and a switch should not look like one.
 */
const flag = (label: string): Rule<boolean> => ({
  label,
  allowed: 'true or false',
  schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]),
});

export const LIVE_RULES: { readonly [K in keyof LiveConfig]: Rule<LiveConfig[K]> } = {
  live: flag('live'),
  sweep: flag('φ sweep'),
};

/** The fields whose values are switches, not numbers (config.ts leaves their text as it is). */
export const LIVE_FLAG_FIELDS: ReadonlySet<string> = new Set(['live', 'sweep']);
