/** Seeded workloads for the playground: generator catalogue, spec checks and the generators. */
export {
  dimsOf,
  generate,
  generateSignal,
  GENERATORS,
  generatorsFor,
  samplesPerSignal,
  WorkloadError,
  type GeneratorId,
  type WorkloadSpec,
} from './generators';
export { GENERATOR_IDS, type GeneratorInfo } from './generator-catalog';
export {
  checkRule,
  describeValue,
  MAX_BATCH,
  MAX_CELL,
  MAX_TONES,
  MAX_TOTAL_SAMPLES,
  SNR_DB_RANGE,
  WORKLOAD_RULES,
  type Checked,
  type Rule,
} from './param-rules';
export { goldenFrequencies, GOLDEN_RATIO } from './signals-1d';
export { checkWorkload } from './workload-spec';
export { createRng, substreamSeed, uniformSigned, type Rng } from './rng';
