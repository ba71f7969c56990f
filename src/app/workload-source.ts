/**
 * The samples a frame runs on: imported data when there is some, otherwise the configured
 * generator's output. Generating is CPU work proportional to N × batch, so the last result
 * is kept and reused while only the filter's parameters (φ, λ, k unit, k scale) change.
 */
import type { Shape } from '../engine';
import { shapeOf, workloadOf } from '../io/config';
import { generate } from '../workloads';
import type { AppState } from './store';

export interface Workload {
  /** Equal keys mean equal samples. */
  key: string;
  shape: Shape;
  batch: number;
  /** batch · prod(shape) real samples. */
  data: Float32Array;
}

export interface WorkloadSource {
  get(state: Pick<AppState, 'config' | 'imported'>): Workload;
}

export function createWorkloadSource(): WorkloadSource {
  let cached: Workload | null = null;
  let importedFrom: unknown = null;
  let imports = 0;
  return {
    get({ config, imported }) {
      if (imported) {
        if (importedFrom !== imported || !cached) {
          imports += 1;
          importedFrom = imported;
          cached = {
            key: `import:${imports}:${imported.name}`,
            shape: imported.shape,
            batch: imported.batch,
            data: imported.data,
          };
        }
        return cached;
      }
      importedFrom = null;
      const spec = workloadOf(config);
      const key = `gen:${JSON.stringify(spec)}`;
      if (cached?.key !== key) {
        cached = { key, shape: shapeOf(config), batch: config.batch, data: generate(spec) };
      }
      return cached;
    },
  };
}
