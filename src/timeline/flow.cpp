#include "timeline/flow.hpp"

#include "attention/random.hpp"
#include "core/path.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

constexpr double kFadeShare = 0.08;  // of the path, at each end, over which a particle fades
constexpr double kJitter = 0.7;      // of the launch interval
constexpr double kEndFade = 0.35;    // seconds over which the stream fades out at the flow's end

double unit(std::uint64_t seed, std::int64_t k) {
    return double(attention::splitmix64(seed ^ attention::splitmix64(std::uint64_t(k))) >> 11) / double(1ULL << 53);
}

}  // namespace

FlowParticles FlowParticles::make(Path path, double weight, const FlowSpec& spec, const Color& line_color,
                                  std::uint64_t seed) {
    FlowParticles f;
    const double w = std::clamp(weight, 0.0, 1.0);
    const double length = std::max(path.length(), 1e-6);
    const double speed = spec.speed * (0.35 + 0.65 * w);
    f.travel = length / speed;
    f.at_once = std::max(1, int(std::lround(spec.particles * w)));
    f.radius = spec.size * (0.6 + 0.4 * w);
    f.color = spec.color.value_or(mix_oklab(line_color, Color{1, 1, 1, 1}, 0.55));
    f.color.a = 1;
    f.seed = seed;
    f.reverse = spec.reverse;
    f.path = std::move(path);
    return f;
}

void emit_particles(const FlowParticles& f, double elapsed, double duration, double opacity, DrawList& out) {
    opacity *= std::clamp((duration - elapsed) / kEndFade, 0.0, 1.0);
    if (opacity <= 0 || f.travel <= 0) return;
    const double interval = f.travel / f.at_once;
    const auto launch = [&](std::int64_t k) { return (double(k) + kJitter * unit(f.seed, k)) * interval; };
    const std::int64_t first = std::max<std::int64_t>(0, std::int64_t(std::floor((elapsed - f.travel) / interval)) - 1);
    const std::int64_t last = std::int64_t(std::floor(elapsed / interval));
    for (std::int64_t k = first; k <= last; ++k) {
        const double t0 = launch(k);
        if (t0 > duration) break;
        const double s = (elapsed - t0) / f.travel;
        if (s < 0 || s > 1) continue;
        const double fade = std::clamp(std::min(s, 1 - s) / kFadeShare, 0.0, 1.0);
        const Vec2 p = f.path.point_at(f.reverse ? 1 - s : s);
        Color halo = f.color, core = f.color;
        halo.a = 0.25 * opacity * fade;
        core.a = opacity * fade;
        out.items.push_back({circle_path(p, 2.2 * f.radius), halo, std::nullopt, 0, std::nullopt});
        out.items.push_back({circle_path(p, f.radius), core, std::nullopt, 0, std::nullopt});
    }
}

}  // namespace attnreel
