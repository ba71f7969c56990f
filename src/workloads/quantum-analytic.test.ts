import { describe, expect, it } from 'vitest';
import { barrierTransmission, freeWidth, packetTransmission } from './quantum-analytic';

describe('free packet width', () => {
  it('starts at σ0 and doubles at ħt/(2mσ0²) = √3', () => {
    expect(freeWidth(1.5, 0, 1, 1)).toBe(1.5);
    const t = (2 * Math.sqrt(3) * 2 * 1.5 ** 2) / 0.5;
    expect(freeWidth(1.5, t, 0.5, 2)).toBeCloseTo(3, 12);
  });
});

describe('rectangular barrier transmission', () => {
  const [V0, a, hbar, mass] = [2.5, 1, 1, 1];

  it('matches a hand-computed value below the top', () => {
    // κ = 1, T = 1/(1 + 6.25·sinh²(1)/4).
    expect(barrierTransmission(2, V0, a, hbar, mass)).toBeCloseTo(
      1 / (1 + (6.25 * Math.sinh(1) ** 2) / 4),
      14,
    );
  });

  it('joins continuously at E = V0 from both sides', () => {
    const top = barrierTransmission(V0, V0, a, hbar, mass);
    expect(top).toBeCloseTo(1 / (1 + (mass * a * a * V0) / (2 * hbar * hbar)), 14);
    expect(barrierTransmission(V0 * (1 - 1e-7), V0, a, hbar, mass)).toBeCloseTo(top, 6);
    expect(barrierTransmission(V0 * (1 + 1e-7), V0, a, hbar, mass)).toBeCloseTo(top, 6);
  });

  it('is 1 on the over-barrier resonances q·a = mπ, and tends to 1 far above', () => {
    for (const m of [1, 2, 3]) {
      const E = V0 + ((m * Math.PI * hbar) / a) ** 2 / (2 * mass);
      expect(barrierTransmission(E, V0, a, hbar, mass)).toBeCloseTo(1, 12);
    }
    expect(barrierTransmission(1e4, V0, a, hbar, mass)).toBeGreaterThan(0.999);
  });

  it('falls off as 16E(V0−E)/V0²·e^{−2κa} for an opaque barrier', () => {
    const [E, V, w] = [1, 10, 4];
    const kappa = Math.sqrt(2 * (V - E));
    const ratio =
      barrierTransmission(E, V, w, 1, 1) /
      (((16 * E * (V - E)) / (V * V)) * Math.exp(-2 * kappa * w));
    expect(ratio).toBeCloseTo(1, 8);
    expect(barrierTransmission(0, V, w, 1, 1)).toBe(0);
    expect(barrierTransmission(-1, V, w, 1, 1)).toBe(0);
  });
});

describe('packet transmission', () => {
  it('tends to the plane-wave T as the packet narrows in k', () => {
    expect(packetTransmission(2, 1e-6, 2.5, 1, 1, 1)).toBeCloseTo(
      barrierTransmission(2, 2.5, 1, 1, 1),
      9,
    );
    expect(packetTransmission(2, 0, 2.5, 1, 1, 1)).toBe(barrierTransmission(2, 2.5, 1, 1, 1));
  });

  it('equals a brute-force average of T over |φ(k)|²', () => {
    const [k0, sk] = [2, 0.3];
    let num = 0;
    let den = 0;
    for (let k = k0 - 8 * sk; k <= k0 + 8 * sk; k += sk / 2000) {
      const w = Math.exp(-((k - k0) ** 2) / (2 * sk * sk));
      num += w * barrierTransmission(k * k, 2.5 * 2, 1, 1, 0.5);
      den += w;
    }
    // m = 0.5, ħ = 1: E = ħ²k²/(2m) = k², against a barrier of 5.
    expect(packetTransmission(k0, sk, 5, 1, 1, 0.5)).toBeCloseTo(num / den, 6);
    // T rises with E, so the spread of energies raises the average above T(E0) here.
    expect(packetTransmission(k0, sk, 5, 1, 1, 0.5)).toBeGreaterThan(
      barrierTransmission(4, 5, 1, 1, 0.5),
    );
  });

  it('counts components with k ≤ 0 as reflected', () => {
    expect(packetTransmission(0, 1, 0, 1, 1, 1)).toBeCloseTo(0.5, 9);
  });
});
