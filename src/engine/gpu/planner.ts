/**
 * Which kernel variant runs an operation on this adapter, FFTW-style: `tune` times every variant
 * on the user's own device and remembers the fastest per operation and shape ("wisdom"), keyed
 * by the adapter so a different GPU plans afresh. Without wisdom a heuristic decides: CPU
 * emulations (SwiftShader) are far faster without workgroup memory, real GPUs with it.
 */
import type { Shape } from '../types';
import { isSoftwareAdapter, type AdapterFacts } from './adapter';
import { FFT_VARIANTS, type FftVariant } from './plan';

export type Wisdom = Record<string, FftVariant>;

/** Where wisdom persists (localStorage in the browser, a JSON file for the Node benchmark). */
export interface WisdomStore {
  load(): Wisdom;
  save(wisdom: Wisdom): void;
}

export function adapterKey(facts: AdapterFacts): string {
  return (
    [facts.vendor, facts.architecture, facts.device, facts.description].join('/') ||
    'unknown adapter'
  );
}

export function defaultVariant(facts: AdapterFacts): FftVariant {
  return isSoftwareAdapter(facts) ? 'stages' : 'workgroup';
}

export class Planner {
  private wisdom: Wisdom;

  constructor(
    readonly facts: AdapterFacts,
    /** The variants this device runs: remembered choices outside them are ignored. */
    private readonly available: readonly FftVariant[] = FFT_VARIANTS,
    private readonly store?: WisdomStore,
  ) {
    this.wisdom = safeLoad(store);
  }

  private key(kind: string, shape: Shape): string {
    return `${adapterKey(this.facts)}|${kind}|${shape.join('x')}`;
  }

  /** The remembered fastest variant, else the heuristic default. */
  choose(kind: string, shape: Shape): FftVariant {
    const known = this.wisdom[this.key(kind, shape)];
    return known && this.available.includes(known) ? known : defaultVariant(this.facts);
  }

  isTuned(kind: string, shape: Shape): boolean {
    return this.key(kind, shape) in this.wisdom;
  }

  record(kind: string, shape: Shape, variant: FftVariant): void {
    this.wisdom[this.key(kind, shape)] = variant;
    this.store?.save(this.wisdom);
  }

  /** Forgets every choice, so the next tune measures again. */
  replan(): void {
    this.wisdom = {};
    this.store?.save(this.wisdom);
  }
}

function safeLoad(store: WisdomStore | undefined): Wisdom {
  if (!store) return {};
  try {
    const raw: unknown = store.load();
    if (typeof raw !== 'object' || raw === null) return {};
    // Untrusted (storage can be edited): keep only entries naming a known variant.
    const out: Wisdom = {};
    for (const [k, v] of Object.entries(raw)) {
      if (typeof v === 'string' && (FFT_VARIANTS as readonly string[]).includes(v))
        out[k] = v as FftVariant;
    }
    return out;
  } catch {
    return {};
  }
}
