/**
 * The compute engine's public surface. No React, no DOM: give it a GPUDevice (browser or the
 * `webgpu` package in Node) or use the float64 CPU engine.
 */
export {
  createEngine,
  type EngineOptions,
  type GpuEngine,
  type PreparedOp,
  type TuneResult,
  type VariantChoice,
} from './gpu/gpu-engine';
export { FFT_VARIANTS, type FftVariant, type PlanKind } from './gpu/gpu-plan';
export { isSoftwareAdapter, type AdapterFacts, type Wisdom, type WisdomStore } from './gpu/planner';
export { createCpuEngine } from './cpu-engine';
export { complexFromReal } from './complex';
export { fftTolerance, linfRelError } from './accuracy';
export * from './errors';
export * from './resolvent-math';
export * from './types';
export {
  checkResolvent,
  checkTransform,
  isPowerOfTwo,
  MAX_1D_LOG2,
  MAX_2D_AXIS_LOG2,
} from './validate';
export { ENGINE_LIMITS, requestEngineDevice } from './gpu/request-device';
