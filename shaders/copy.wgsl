// Reference kernel: a plain copy, 16 bytes per invocation. It reads and writes every byte
// once and does no arithmetic, so its time is the memory-bandwidth floor of this adapter;
// an FFT over the same bytes cannot be faster than it (efficiency = copy time / FFT time).

@group(0) @binding(0) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;

const WORKGROUP_SIZE: u32 = 256u;

// Large buffers need more than 65535 workgroups, so the grid is 2D; the row pitch comes from
// num_workgroups so the host can choose any split.
@compute @workgroup_size(WORKGROUP_SIZE)
fn main(
  @builtin(global_invocation_id) gid: vec3<u32>,
  @builtin(num_workgroups) groups: vec3<u32>,
) {
  let i = gid.x + gid.y * groups.x * WORKGROUP_SIZE;
  if (i < arrayLength(&src)) {
    dst[i] = src[i];
  }
}
