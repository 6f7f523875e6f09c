#pragma once
// A small Pango-like markup for styled text, as Manim's MarkupText users know it:
// <b>, <i>, <tt> and <span color|weight|style|font="…">, nested, with the entities
// &lt; &gt; &amp; &quot; &apos; and &#N; / &#xH;. A source with no '<' or '&' is plain text.
#include "core/color.hpp"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::text {

struct TextStyle {
    bool bold = false;
    bool italic = false;
    bool mono = false;
    // The <sup> ('^') and <sub> ('_') around the run, outermost first: each level smaller,
    // raised or lowered from the level around it, so a <sub> inside a <sup> is "^_".
    std::string script;
    std::optional<Color> color;  // none: the object's own colour
    bool operator==(const TextStyle&) const = default;
};

// Bytes [begin, end) of the plain text, all in one style.
struct StyledRun {
    std::size_t begin = 0, end = 0;
    TextStyle style;
    bool operator==(const StyledRun&) const = default;
};

struct StyledText {
    std::string text;              // the markup removed and the entities replaced
    std::vector<StyledRun> runs;   // in order, covering `text`; neighbours differ in style
};

// An error at byte `offset` of the markup source; the loader turns the offset into the
// scene file's line and column.
class MarkupError : public std::runtime_error {
public:
    MarkupError(std::size_t offset, const std::string& message) : std::runtime_error(message), offset_(offset) {}
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

// Throws MarkupError for an unclosed or mismatched tag (at the tag), an unknown tag,
// attribute, attribute value or entity (with the nearest valid word), a bad colour (at the
// value) and a '<' or '&' that starts nothing. Expects valid UTF-8.
StyledText parse_markup(std::string_view source);

}  // namespace attnreel::text
