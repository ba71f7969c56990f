/**
 * TensorFlow.js's WebGPU `tf.spectral.fft` as a peer on the same adapter: its backend is built
 * on the benchmark's own GPUDevice, so both run on one device. Loaded lazily (it is large).
 * Timed as wall time from the first op to `onSubmittedWorkDone`, since its kernels are
 * recorded by the library; the data stays on the GPU between repeats.
 */
import type { SpanTime } from './measure';

export interface TfjsFft {
  run(repeats: number): Promise<SpanTime>;
  /** The last result, interleaved complex. */
  read(): Promise<Float32Array>;
  destroy(): void;
}

type Tf = typeof import('@tensorflow/tfjs-core');

interface Loaded {
  tf: Tf;
  /** The members of tfjs's WebGPUBackend used to flush its recorded work. */
  backend: { endComputePassEncoder(): void; submitQueue(): void; device: GPUDevice };
}

let current: { device: GPUDevice; loaded: Promise<Loaded> } | null = null;

async function load(device: GPUDevice, info: GPUAdapterInfo): Promise<Loaded> {
  const tf = await import('@tensorflow/tfjs-core');
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  // The kernels are registered under the name 'webgpu', so our backend must carry that name;
  // a previous run's backend (another device) is dropped first.
  if (tf.findBackend('webgpu') || tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  const backend = new WebGPUBackend(device, info);
  tf.registerBackend('webgpu', () => backend, 100);
  // Small tensors would otherwise be computed on the CPU, which is not what is measured here.
  tf.env().set('WEBGPU_CPU_FORWARD', false);
  if (!(await tf.setBackend('webgpu'))) throw new Error('TensorFlow.js: webgpu backend failed');
  await tf.ready();
  return { tf, backend };
}

/** Why TensorFlow.js cannot run here, or null. Its backend checks `navigator.gpu`. */
export function tfjsUnavailableReason(): string | null {
  const nav = (globalThis as { navigator?: { gpu?: unknown } }).navigator;
  return nav?.gpu ? null : 'TensorFlow.js WebGPU backend needs navigator.gpu, absent here';
}

export async function createTfjsFft(
  device: GPUDevice,
  info: GPUAdapterInfo,
  data: Float32Array,
  n: number,
  batch: number,
): Promise<TfjsFft> {
  if (!current || current.device !== device) current = { device, loaded: load(device, info) };
  const { tf, backend } = await current.loaded;
  const re = new Float32Array(n * batch);
  const im = new Float32Array(n * batch);
  for (let i = 0; i < n * batch; i++) {
    re[i] = data[2 * i] as number;
    im[i] = data[2 * i + 1] as number;
  }
  const input = tf.tidy(() => tf.complex(tf.tensor2d(re, [batch, n]), tf.tensor2d(im, [batch, n])));
  let last: import('@tensorflow/tfjs-core').Tensor | null = null;
  return {
    async run(repeats) {
      const t0 = performance.now();
      for (let r = 0; r < repeats; r++) {
        last?.dispose();
        last = tf.spectral.fft(input);
      }
      // tfjs keeps a compute pass open between ops: close it, then submit what it recorded.
      backend.endComputePassEncoder();
      backend.submitQueue();
      await backend.device.queue.onSubmittedWorkDone();
      return { ms: performance.now() - t0, method: 'wall' };
    },
    async read() {
      if (!last) throw new Error('TensorFlow.js FFT: read before run');
      const out = await last.data();
      return out instanceof Float32Array ? out : Float32Array.from(out as ArrayLike<number>);
    },
    destroy() {
      last?.dispose();
      last = null;
      input.dispose();
    },
  };
}
