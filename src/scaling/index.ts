/**
 * The scaling lab's React-free core: models, fitting, ranking, CSV input, sweeps and the
 * roofline. The GPU sweeps (gpu-sweeps.ts) import the engine and are loaded on their own.
 */
export {
  MODEL_IDS,
  MODELS,
  isModelId,
  namedParams,
  type ModelId,
  type ParamSpec,
  type ScalingModel,
} from './models';
export {
  boundsFor,
  fitLeastSquares,
  sumOfSquares,
  type LeastSquaresFit,
  type Points,
} from './least-squares';
export {
  assertEnoughPoints,
  fitModel,
  type FitOptions,
  type HoldOut,
  type ModelFit,
} from './model-fit';
export { fitAndRank, rankFits, type RankedFit, type Ranking } from './ranking';
export { MAX_ROWS, parsePointsCsv, pointsToCsv } from './points-csv';
export { ScalingDataError } from './errors';
export { formatRanking } from './format';
export { curve, logGrid, paramVector, residuals } from './curves';
export { gpuPlan, PRESETS, workerPlan, type Preset } from './plans';
export {
  fitSweeps,
  formatRoofline,
  formatSweep,
  type FittedSweep,
  type ScalingReport,
} from './report';
export {
  attainable,
  ridgeIntensity,
  rooflinePoint,
  type RooflineCeilings,
  type RooflinePoint,
} from './roofline';
export {
  measurePoint,
  pointFromSpans,
  sweepPoints,
  type Sweep,
  type SweepId,
  type SweepPoint,
} from './sweep';
