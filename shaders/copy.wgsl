// The copy operator: dst = src, one vec4 (two complex values) per invocation. It reads and
// writes every byte once and does no arithmetic, so its time is this adapter's memory-bandwidth
// floor; an operator moving the same bytes cannot be faster (efficiency = copy time / its time).

// Params: COPY_PARAMS in src/engine/gpu/shader-sources.ts, prepended when the module is made.
// WORKGROUP_SIZE: COPY_WORKGROUP there, set when the pipeline is made.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> src: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec4f>;

override WORKGROUP_SIZE: u32;

// Large buffers need more than 65535 workgroups, so the grid is 2D with rows of groupsX.
@compute @workgroup_size(WORKGROUP_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.x + wid.y * p.groupsX) * WORKGROUP_SIZE + lid;
  // The buffers may be longer than this chunk: the count, not arrayLength, bounds the copy.
  if (i < p.count) {
    dst[i] = src[i];
  }
}
