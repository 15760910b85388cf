// synth.h — deterministic generated content for tests and benchmarks.
#pragma once
#include <cstdint>

#include "core/content.h"

namespace ex {

// A valid document (per docs/CONTENT.md) that looks like an argument map: nodes fall into rough ranks,
// most edges lead from one rank to one of the next few (part-of edges point back from a sub-point to its parent), a
// few go anywhere (so there are cycles and long edges), titles carry an English and a Chinese entry, every node cites
// a generated source paragraph (sometimes with a verbatim quote), and there is one tour. Same arguments, same
// content, on every platform. node_count is clamped to [1, 20000]; edges to the format's cap. Indices are built.
Content make_synthetic_content(int node_count, double edges_per_node, uint32_t seed);

}  // namespace ex
