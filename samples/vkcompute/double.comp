#version 450
// Every element becomes 2 * x + 1; vkcompute checks the result.
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer Values { uint v[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  v[i] = v[i] * 2u + 1u;
}
