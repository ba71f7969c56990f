/**
 * What one frame of work counts as, for the throughput plot. A frame is the resolvent of the
 * whole batch: per signal one forward and one inverse complex FFT.
 */
import { fftFlops, type Shape } from '../engine';

export function signalLength(shape: Shape): number {
  return shape.length === 1 ? shape[0] : shape[0] * shape[1];
}

export interface FrameWork {
  /** 2 FFTs per signal, each 5·N·log2 N floating-point operations (the usual FFT count). */
  flops: number;
  /**
   * Memory traffic by the convention of FFT benchmarks (VkFFT): each complex FFT reads and
   * writes its N complex float32 values once, 2·8·N bytes; two FFTs per signal. The real
   * kernels move more (one read and write per pass), so this is an effective bandwidth.
   */
  bytes: number;
}

export function frameWork(shape: Shape, batch: number): FrameWork {
  const n = signalLength(shape);
  return { flops: batch * 2 * fftFlops(n), bytes: batch * 2 * 2 * 8 * n };
}
