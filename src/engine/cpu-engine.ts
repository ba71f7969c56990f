/**
 * The CPU engine: the same surface as the WebGPU engine, computed in float64 by each
 * operator's reference. It is what every GPU kernel is tested against and the fallback when
 * WebGPU is missing.
 */
import { OPERATORS } from './ops';
import type { AnyOperator, OptionsOf, ResultOf } from './ops/operator';
import type { Engine, InputArray } from './types';

export function createCpuEngine(): Engine {
  async function run<Op extends AnyOperator>(
    op: Op,
    data: InputArray,
    options: OptionsOf<Op>,
  ): Promise<ResultOf<Op>> {
    const checked = op.check(data, options);
    const t0 = globalThis.performance.now();
    const result = op.reference(data, checked) as object;
    const ms = globalThis.performance.now() - t0;
    return { ...result, timing: { ms, method: 'wall', dispatches: 0, chunks: 1 } } as ResultOf<Op>;
  }
  return {
    backend: 'cpu',
    run,
    fft: (data, options) => run(OPERATORS.fft, data, options),
    resolvent: (data, options) => run(OPERATORS.resolvent, data, options),
    wht: (data, options) => run(OPERATORS.wht, data, options),
    filter: (data, options) => run(OPERATORS.filter, data, options),
    propagate: (psi, options) => run(OPERATORS.propagate, psi, options),
    destroy(): void {
      // Nothing to free: the CPU engine owns no GPU objects.
    },
  };
}
