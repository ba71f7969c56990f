/** Test helper: |X[k]| of real signals through the float64 CPU reference FFT. */
import { createCpuEngine } from '../../engine/cpu-engine';

export async function magnitudes(signal: ArrayLike<number>): Promise<Float64Array> {
  const n = signal.length;
  const { data } = await createCpuEngine().fft(Array.from(signal), {
    shape: [n],
    batch: 1,
    real: true,
  });
  const mag = new Float64Array(n);
  for (let k = 0; k < n; k++) mag[k] = Math.hypot(data[2 * k] ?? 0, data[2 * k + 1] ?? 0);
  return mag;
}
