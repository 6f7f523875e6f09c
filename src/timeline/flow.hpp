#pragma once
// Particles that travel along a connection (flow): how many and how fast follow the weight
// the connection carries. Where every particle is at time t is a pure function of t and
// the scene's seed, so a frame has the same pixels rendered alone, out of order, or on any
// number of threads.
#include "core/color.hpp"
#include "core/path.hpp"
#include "scene/draw_list.hpp"
#include "scene/scene_spec.hpp"

#include <cstdint>

namespace attnreel {

struct FlowParticles {
    Path path;            // absolute: the connection as placed when the flow starts
    double travel = 1;    // seconds a particle takes from one end to the other
    int at_once = 1;      // particles on the path at once
    double radius = 0.05;
    Color color;
    std::uint64_t seed = 0;  // the scene's seed mixed with the connection's id
    bool reverse = false;    // particles run from the path's end to its start

    // For a path carrying `weight` (0..1), as `spec` asks.
    static FlowParticles make(Path path, double weight, const FlowSpec& spec, const Color& line_color,
                              std::uint64_t seed);
};

// The particles `elapsed` seconds into a flow of `duration` seconds, appended to `out` at
// `opacity`. Each particle is launched at a fixed time (with a seeded jitter) and fades in
// and out at the path's ends; the whole stream fades out over the flow's last moments, so
// none pops in or out mid-path.
void emit_particles(const FlowParticles& flow, double elapsed, double duration, double opacity, DrawList& out);

}  // namespace attnreel
