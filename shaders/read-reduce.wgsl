// The read-reduce operator's pass: each signal's values summed into vec4 partial sums, reading
// every byte once and writing 1/(4·itemsPerThread) as much, so its time is this adapter's read
// bandwidth, the floor for operators that mostly read. No workgroup memory and no barriers, so
// it measures memory traffic rather than synchronisation (slow on CPU emulations).
//
// Invocation g of a signal adds vec4s g, g + partials, g + 2·partials, … (itemsPerThread of
// them), so neighbouring invocations read neighbouring addresses at every step, and writes
// sums[sumsBase + signal·partials + g]; reduce-flat.wgsl adds each signal's partials up.

// Params: READ_REDUCE_PARAMS in src/engine/gpu/shader-sources.ts, prepended when the module is
// made. WORKGROUP_SIZE: READ_REDUCE_WORKGROUP there, set when the pipeline is made.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> sums: array<vec4f>;

override WORKGROUP_SIZE: u32;

@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let id = (wid.x + wid.y * p.groupsX) * WORKGROUP_SIZE + lid;
  let signal = id / p.partials;
  let g = id % p.partials;
  if (signal >= p.signals) { return; }
  var acc = vec4f(0.0);
  for (var i = 0u; i < p.itemsPerThread; i++) {
    acc += src[signal * p.vec4sPerSignal + g + i * p.partials];
  }
  sums[p.sumsBase + signal * p.partials + g] = acc;
}
