#include "text/bidi.hpp"

#include <fribidi.h>

#include <numeric>
#include <stdexcept>

namespace attnreel::text {

BidiLine resolve_bidi(const std::vector<char32_t>& code_points) {
    const auto length = static_cast<FriBidiStrIndex>(code_points.size());
    const std::vector<FriBidiChar> text(code_points.begin(), code_points.end());
    std::vector<FriBidiCharType> types(code_points.size());
    std::vector<FriBidiBracketType> brackets(code_points.size());
    std::vector<FriBidiLevel> levels(code_points.size());
    fribidi_get_bidi_types(text.data(), length, types.data());
    fribidi_get_bracket_types(text.data(), length, types.data(), brackets.data());

    FriBidiParType direction = FRIBIDI_PAR_ON;
    if (length > 0 && !fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), length, &direction,
                                                           levels.data()))
        throw std::runtime_error("FriBidi failed to resolve embedding levels");

    // map[visual index] = logical index; reordering also resets trailing spaces to the
    // paragraph level (rule L1), which is why levels are read back afterwards.
    std::vector<FriBidiStrIndex> map(code_points.size());
    std::iota(map.begin(), map.end(), 0);
    if (length > 0 &&
        !fribidi_reorder_line(0, types.data(), length, 0, direction, levels.data(), nullptr, map.data()))
        throw std::runtime_error("FriBidi failed to reorder a line");

    BidiLine line;
    line.levels.assign(levels.begin(), levels.end());
    line.visual_position.resize(code_points.size());
    for (std::size_t visual = 0; visual < map.size(); ++visual)
        line.visual_position[static_cast<std::size_t>(map[visual])] = visual;
    return line;
}

}  // namespace attnreel::text
