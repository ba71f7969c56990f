// One level of a segmented sum with no workgroup memory (fast on CPU emulations too):
//   dst[dstBase + s·outLength + i] = Σ_{f < FAN_IN} src[s·length + i·FAN_IN + f]
// for segment s and output i < outLength = ceil(length / FAN_IN), skipping indices past
// `length`. The engine chains levels until each segment is one value. A short sequential sum
// per level keeps rounding error to about FAN_IN·ε per level, ~log_16(n) levels in all.

// Params: REDUCE_PARAMS in src/engine/gpu/shader-sources.ts, prepended when the module is made.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec4f>;

const FAN_IN: u32 = 16u;
const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let id = (wid.x + wid.y * p.groupsX) * WG_SIZE + lid;
  let s = id / p.outLength;
  let i = id % p.outLength;
  if (s >= p.segments) { return; }
  var acc = vec4f(0.0);
  for (var f = 0u; f < FAN_IN; f++) {
    let e = i * FAN_IN + f;
    if (e < p.length) { acc += src[s * p.length + e]; }
  }
  dst[p.dstBase + s * p.outLength + i] = acc;
}
