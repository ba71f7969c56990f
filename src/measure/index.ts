/** Measurement and statistics shared by the benchmark and the labs. */
export { createRng, type Rng } from './rng';
export { coefficientOfVariation, mean, median, quantile } from './summary';
export { bootstrapCI, pairedRatioCI, type BootstrapOptions, type Interval } from './bootstrap';
export { pairedPermutationTest, type PermutationOptions } from './permutation';
