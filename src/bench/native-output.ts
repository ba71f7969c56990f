/**
 * The native peer's request and the schema of its answer (the JSON line scripts/native-peer.py
 * prints). Only zod here: the Node side (scripts/native-peer.ts) imports it under plain tsx,
 * where the engine's WGSL cannot load.
 */
import { z } from 'zod';

/** What the script is asked to run: the suite's FFT shapes and batches, and its span rules. */
export interface NativeRequest {
  cases: { shape: number[]; batch: number }[];
  spans: number;
  minSpanMs: number;
  maxRepeats: number;
  /** Signals checked against a float64 FFT are capped at about this many points. */
  verifyPoints: number;
}

const shape = z.array(z.number().int().positive()).min(1).max(2);
const MeasuredSchema = z.object({
  shape,
  batch: z.number().int().positive(),
  repeats: z.number().int().positive(),
  spansMs: z.array(z.number().positive()).min(1).max(1000),
  maxRelError: z.number().nonnegative(),
  verifiedSignals: z.number().int().positive(),
});
const FailedSchema = z.object({ shape, batch: z.number().int().positive(), error: z.string() });

export const NativeOutputSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    /** Library versions, e.g. "torch 2.5.1, CUDA 12.4". */
    library: z.string().max(200),
    /** The CUDA device's name. */
    device: z.string().max(200),
    cases: z.array(z.union([MeasuredSchema, FailedSchema])).max(4096),
  }),
  z.object({ available: z.literal(false), reason: z.string().max(2000) }),
]);
export type NativeOutput = z.infer<typeof NativeOutputSchema>;

/**
 * The script's answer from its standard output: the last line that parses as JSON (libraries
 * may print warnings first). Throws with a message that says what was wrong.
 */
export function parseNativeOutput(stdout: string): NativeOutput {
  const lines = stdout.split('\n').filter((l) => l.trim().startsWith('{'));
  const last = lines.at(-1);
  if (last === undefined) throw new Error('the native peer printed no JSON');
  let raw: unknown;
  try {
    raw = JSON.parse(last);
  } catch (e) {
    throw new Error(`the native peer printed bad JSON: ${e instanceof Error ? e.message : e}`, {
      cause: e,
    });
  }
  const parsed = NativeOutputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new Error(`the native peer's JSON is malformed at ${where}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}
