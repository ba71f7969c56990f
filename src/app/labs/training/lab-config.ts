/**
 * The Training tab's configuration and its permalink form (`?train=` + JSON). The link is
 * untrusted input: one zod schema, and a link that fails it falls back to the defaults.
 */
import { z } from 'zod';
import { DATASETS } from '../../../train/datasets';
import { REGULARIZERS } from '../../../train/local-steps';
import { TRAIN_DEFAULTS, type TrainConfig } from '../../../train/session';
import { SPECTRAL_PREFERENCES } from '../../../train/spectral-backend';

export type TrainingLabConfig = LabRunControls &
  Pick<
    TrainConfig,
    | 'dataset'
    | 'workers'
    | 'batchSize'
    | 'updateInterval'
    | 'epochs'
    | 'seed'
    | 'optimizer'
    | 'lr'
    | 'weightDecay'
    | 'hidden'
    | 'activation'
    | 'regularizer'
    | 'phi'
    | 'lambda'
    | 'spectral'
  >;

/** The run controls the lab adds to a training configuration. */
export interface LabRunControls {
  /** Adaptive worker count: from `workers`, between 1 and MAX_WORKERS, by measured examples/s. */
  adaptive: boolean;
  /** Per-worker memory budget in kB (dynamic batch size), or null for none. */
  memoryBudgetKb: number | null;
}

/** Rounds per measuring window of the adaptive worker count. */
export const ADAPTIVE_EVERY_ROUNDS = 4;

export const DEFAULT_TRAINING_CONFIG: TrainingLabConfig = {
  dataset: 'iris',
  workers: 2,
  batchSize: 16,
  updateInterval: 1,
  epochs: 40,
  seed: 1,
  optimizer: 'sgd',
  lr: 0.1,
  weightDecay: 0,
  hidden: [16],
  activation: TRAIN_DEFAULTS.activation,
  regularizer: 'none',
  phi: TRAIN_DEFAULTS.phi,
  lambda: TRAIN_DEFAULTS.lambda,
  spectral: 'auto',
  adaptive: false,
  memoryBudgetKb: null,
};

/** Bounds that keep a browser run responsive (the CLI allows more). */
export const MAX_WORKERS = 8;

export const trainingConfigSchema = z.object({
  dataset: z.enum(DATASETS),
  workers: z.number().int().min(1).max(MAX_WORKERS),
  batchSize: z.number().int().min(1).max(1024),
  updateInterval: z.number().int().min(1).max(64),
  epochs: z.number().int().min(1).max(1000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  optimizer: z.enum(['sgd', 'adam']),
  lr: z.number().gt(0).max(10),
  hidden: z.array(z.number().int().min(1).max(512)).min(1).max(4),
  activation: z.enum(['tanh', 'relu']),
  regularizer: z.enum(REGULARIZERS),
  phi: z.number().gt(0).max(1e6),
  lambda: z.number().min(0).max(1e6),
  // Fields added after the first links: absent means the default, so old links still open.
  weightDecay: z.number().min(0).max(100).default(0),
  spectral: z.enum(SPECTRAL_PREFERENCES).default('auto'),
  adaptive: z.boolean().default(false),
  memoryBudgetKb: z.number().gt(0).max(1e7).nullable().default(null),
});

export const TRAIN_LINK_PARAM = 'train';

export function trainingConfigFromSearch(search: string): TrainingLabConfig | null {
  const raw = new URLSearchParams(search).get(TRAIN_LINK_PARAM);
  if (!raw) return null;
  try {
    const r = trainingConfigSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function trainingSearchOf(c: TrainingLabConfig): string {
  return `?${new URLSearchParams({ [TRAIN_LINK_PARAM]: JSON.stringify(c) }).toString()}`;
}
