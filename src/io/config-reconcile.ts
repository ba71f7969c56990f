/**
 * The rules between fields: the kind, the generator and the potential must each fit the
 * dimensionality, and a batch must fit in memory. parseConfig applies them to untrusted input
 * (reporting what it changed); the UI applies the same rules through `withDims` and `withKind`
 * when the user switches, so the store never holds a configuration a link could not.
 */
import { dimsOf, generatorsFor, type GeneratorId } from '../workloads/generator-catalog';
import { MAX_TOTAL_SAMPLES } from '../workloads/param-rules';
import type { ConfigField, PlaygroundConfig, Problem } from './config';
import { potentialFits, type Kind, type PotentialId } from './kind-config';
import { fitQuantum } from './quantum-limits';

/** A generator for `dims`: the base's when it fits, else the first of the catalogue. */
function generatorFor(dims: 1 | 2, base: Readonly<PlaygroundConfig>): GeneratorId {
  if (dimsOf(base.generator) === dims) return base.generator;
  const first = generatorsFor(dims)[0];
  if (!first) throw new Error(`no ${dims}D generator in GENERATORS`);
  return first.id;
}

/** The potential that replaces one the grid cannot hold. */
function potentialFor(dims: 1 | 2): PotentialId {
  return dims === 2 ? 'double-slit' : 'barrier';
}

/**
 * The Walsh–Hadamard kind transforms 1D signals: a kind given without dims sets dims; given with
 * dims 2 it also wins, and the replaced dims is reported.
 */
export function reconcileKind(
  config: PlaygroundConfig,
  given: ReadonlySet<ConfigField>,
  problems: Problem[],
): void {
  if (config.kind !== 'walsh' || config.dims === 1) return;
  if (given.has('kind') && given.has('dims')) {
    problems.push({
      field: 'dims',
      message: "kind 'walsh' transforms 1D signals but dims is 2; using dims 1",
    });
  }
  config.dims = 1;
}

/**
 * The generator fixes the dimensionality: a generator given without dims sets dims; dims given
 * with a generator of the other kind keeps dims and replaces the generator.
 */
export function reconcileGenerator(
  config: PlaygroundConfig,
  base: Readonly<PlaygroundConfig>,
  given: ReadonlySet<ConfigField>,
  problems: Problem[],
): void {
  if (dimsOf(config.generator) === config.dims) return;
  if (given.has('generator') && !given.has('dims') && config.kind !== 'walsh') {
    config.dims = dimsOf(config.generator);
    return;
  }
  const replacement = generatorFor(config.dims, base);
  if (given.has('generator')) {
    problems.push({
      field: 'generator',
      message:
        `generator '${config.generator}' makes ${dimsOf(config.generator)}D signals but dims ` +
        `is ${config.dims}; using '${replacement}'`,
    });
  }
  config.generator = replacement;
}

/** A potential the grid cannot hold (the double slit in 1D) is replaced, reported if given. */
export function reconcilePotential(
  config: PlaygroundConfig,
  given: ReadonlySet<ConfigField>,
  problems: Problem[],
): void {
  if (potentialFits(config.potential, config.dims)) return;
  const replacement = potentialFor(config.dims);
  if (given.has('potential')) {
    problems.push({
      field: 'potential',
      message:
        `potential '${config.potential}' needs a 2D grid but dims is ${config.dims}; ` +
        `using '${replacement}'`,
    });
  }
  config.potential = replacement;
}

/** batch × samples per signal is bounded by what one `generate` call may allocate. */
export function limitBatch(config: PlaygroundConfig, problems: Problem[]): void {
  const perSignal = config.dims === 1 ? config.n : config.ny * config.nx;
  if (config.batch * perSignal <= MAX_TOTAL_SAMPLES) return;
  const allowed = Math.floor(MAX_TOTAL_SAMPLES / perSignal);
  problems.push({
    field: 'batch',
    message:
      `batch × samples per signal must be at most ${MAX_TOTAL_SAMPLES} (2^26); ` +
      `${config.batch} × ${perSignal} is more; using batch ${allowed}`,
  });
  config.batch = allowed;
}

/** The configuration with another dimensionality, its generator and potential made to fit. */
export function withDims(config: PlaygroundConfig, dims: 1 | 2): PlaygroundConfig {
  const next: PlaygroundConfig = { ...config, dims };
  if (dimsOf(next.generator) !== dims) next.generator = generatorFor(dims, config);
  if (!potentialFits(next.potential, dims)) next.potential = potentialFor(dims);
  limitBatch(next, []);
  fitQuantum(next);
  return next;
}

/** The configuration with another kind, every cross-field rule of that kind applied quietly. */
export function withKind(config: PlaygroundConfig, kind: Kind): PlaygroundConfig {
  return withDims({ ...config, kind }, kind === 'walsh' ? 1 : config.dims);
}
