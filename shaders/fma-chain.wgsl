// Peak arithmetic for the scaling lab's roofline: every invocation runs four independent chains
// of vec4 fused multiply-adds (16 FMAs = 32 FLOP per iteration) on registers only, so memory
// plays no part. Four chains hide each FMA's latency; the final store keeps the compiler from
// removing the loop. The multiplier and addend are uniforms so nothing folds at compile time.

struct Params {
  iterations: u32,
  _pad0: u32,
  multiplier: f32,
  addend: f32,
}

@group(0) @binding(0) var<storage, read_write> sink: array<vec4<f32>>;
@group(0) @binding(1) var<uniform> params: Params;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let m = vec4<f32>(params.multiplier);
  let k = vec4<f32>(params.addend);
  var a = vec4<f32>(f32(gid.x) * 1e-6, 0.25, 0.5, 0.75);
  var b = a + vec4<f32>(0.125);
  var c = a + vec4<f32>(0.0625);
  var d = a + vec4<f32>(0.03125);
  for (var i = 0u; i < params.iterations; i++) {
    a = fma(a, m, k);
    b = fma(b, m, k);
    c = fma(c, m, k);
    d = fma(d, m, k);
  }
  sink[gid.x] = a + b + c + d;
}
