/**
 * The compute engine's public surface, and the only door into src/engine for the rest of the
 * project. No React, no DOM: give it a GPUDevice (browser or the `webgpu` package in Node) or
 * use the float64 CPU engine.
 */
export {
  createEngine,
  type EngineOptions,
  type GpuEngine,
  type PreparedOp,
  type TunableId,
  type TuneResult,
  type VariantChoice,
} from './gpu/engine';
export { FFT_VARIANTS, type FftVariant } from './gpu/plan';
export type { PassTime } from './gpu/stopwatch';
export type { TransferTotals } from './gpu/transfer-meter';
export { withErrorScopes } from './gpu/error-scopes';
export { grid, workgroupCapacity } from './gpu/fft-plan';
export { adapterFacts, isSoftwareAdapter, type AdapterFacts } from './gpu/adapter';
export type { Wisdom, WisdomStore } from './gpu/planner';
export { createCpuEngine } from './cpu-engine';
export { fft64Stages } from './cpu/fft64-stages';
export {
  checkFftStages,
  FFT_STAGE_SIZES,
  radix2Butterflies,
  stageCount,
  stageEntry,
  type FftStageSize,
  type FftStagesOptions,
  type FftStagesResult,
  type Radix2Butterfly,
} from './fft-stages';
export { complexFromReal } from './complex';
export { fftTolerance, linfRelError } from './accuracy';
export * from './errors';
export * from './resolvent-math';
export * from './types';
export { rowsAndColumns, signalLength } from './shape';
export {
  checkResolvent,
  checkTransform,
  isPowerOfTwo,
  MAX_1D_LOG2,
  MAX_2D_AXIS_LOG2,
} from './validate';
export { ENGINE_LIMITS, requestEngineDevice } from './gpu/request-device';
export { OPERATORS, type OperatorId } from './ops';
export type {
  AnyOperator,
  Block,
  GpuProgram,
  Operator,
  OperatorWork,
  OptionsOf,
  ResultOf,
  SpectralHook,
} from './ops/operator';
export { MAX_STEPS } from './ops/propagate';
export {
  DX_DEFAULT,
  HBAR_DEFAULT,
  kineticPhase,
  MASS_DEFAULT,
  normOf,
  potentialPhase,
  waveNumber,
  waveNumberSquared,
  type PropagatorConstants,
} from './math/propagator';
export { sequencyToNatural, toSequencyOrder } from './math/walsh';
