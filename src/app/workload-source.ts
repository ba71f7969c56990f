/**
 * The samples a frame runs on: the current audio frame (microphone or audio file) while there
 * is one, else imported data when there is some, otherwise the configured generator's output.
 * Generating is CPU work proportional to N × batch, so the last result is kept and reused while
 * only the filter's parameters (φ, λ, k unit, k scale) change.
 */
import type { Shape } from '../engine';
import { shapeOf } from '../io/config';
import { generate } from '../workloads';
import { frameWorkload } from './live';
import type { AppState } from './store';

export interface Workload {
  /** Equal keys mean equal samples. */
  key: string;
  shape: Shape;
  batch: number;
  /** batch · prod(shape) real samples. */
  data: Float32Array;
  /**
   * New samples every frame (live mode): keeping them resident on the GPU would cost a prepare
   * per frame for nothing, so the frame uploads them instead (resident-resolvent.ts).
   */
  streaming?: boolean;
}

export interface WorkloadSource {
  /** `frame`: the live frame index (live.ts); it changes nothing while live mode is off. */
  get(state: Pick<AppState, 'config' | 'imported' | 'audio'>, frame?: number): Workload;
}

export function createWorkloadSource(): WorkloadSource {
  let cached: Workload | null = null;
  let importedFrom: unknown = null;
  let imports = 0;
  // Audio frames have a cache of their own, so a frame never stands in for the other sources.
  let audioWork: Workload | null = null;
  return {
    get({ config, imported, audio }, frame = 0) {
      // The microphone's or a file's current frame, above everything else while it is set.
      if (audio) {
        const key = `audio:${audio.key}`;
        if (audioWork?.key !== key) {
          // Streaming: a new frame arrives every few milliseconds, so it is uploaded, not prepared.
          const shape = [audio.frame.length] as const;
          audioWork = { key, shape, batch: 1, data: audio.frame, streaming: true };
        }
        return audioWork;
      }
      audioWork = null;
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
      const spec = frameWorkload(config, frame);
      const key = `gen:${JSON.stringify(spec)}`;
      if (cached?.key !== key) {
        const data = generate(spec);
        cached = { key, shape: shapeOf(config), batch: config.batch, data };
        if (config.live) cached.streaming = true;
      }
      return cached;
    },
  };
}
