/**
 * A uniform struct declared once: the same declaration yields the WGSL struct text a kernel
 * includes and the packer that fills its buffer, so the two cannot drift apart (no offsets
 * kept in step by hand). Fields are 4-byte scalars in declaration order, which WGSL's uniform
 * layout places at offset 4·i with no padding; the struct is rounded up to 16 bytes.
 */

export type ScalarType = 'u32' | 'f32';

export interface UniformLayout<F extends string> {
  readonly name: string;
  readonly fields: readonly (readonly [F, ScalarType])[];
  /** Buffer size: 4 bytes a field, rounded up to 16. */
  readonly bytes: number;
  /** `struct Name { field: type, … }` with each field's comment. */
  readonly wgsl: string;
  /** The buffer contents; fields left out are 0. u32 fields must be whole numbers ≥ 0. */
  pack(values: Partial<Record<F, number>>): ArrayBuffer;
}

export function uniformLayout<F extends string>(
  name: string,
  fields: readonly (readonly [F, ScalarType, string?])[],
): UniformLayout<F> {
  const bytes = Math.max(16, Math.ceil((fields.length * 4) / 16) * 16);
  const index = new Map(fields.map(([f, type], i) => [f, { i, type }] as const));
  const lines = fields.map(([f, type, why]) => `  ${f}: ${type},${why ? ` // ${why}` : ''}`);
  return {
    name,
    fields: fields.map(([f, type]) => [f, type] as const),
    bytes,
    wgsl: `struct ${name} {\n${lines.join('\n')}\n}\n`,
    pack(values) {
      const buffer = new ArrayBuffer(bytes);
      const u = new Uint32Array(buffer);
      const f = new Float32Array(buffer);
      for (const [field, value] of Object.entries(values) as [F, number | undefined][]) {
        const at = index.get(field);
        if (at === undefined || value === undefined) continue;
        if (at.type === 'f32') {
          f[at.i] = value;
        } else {
          if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
            throw new RangeError(`${name}.${field} is u32; got ${value}`);
          }
          u[at.i] = value;
        }
      }
      return buffer;
    },
  };
}
