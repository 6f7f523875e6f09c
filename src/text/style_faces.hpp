#pragma once
// Which bundled face a stretch of styled text uses: bold, italic and monospace spans pick
// Inter's and JetBrains Mono's faces, starting from the text's own font.
#include "text/markup.hpp"

#include <string>

namespace attnreel::text {

// The face name (or font path) for characters of `style` in a text whose font is
// `base_font`. A style adds to the base: <b> in "sans-italic" is "sans-bold-italic", <b>
// in "mono" is "mono-bold", <tt> in "sans-bold" is "mono-bold". Plain characters keep
// `base_font` itself. Bold, italic or mono spans in a text of any other font (math, a font
// file) take Inter's or JetBrains Mono's faces; DejaVu keeps its own bold.
std::string face_for_style(const std::string& base_font, const TextStyle& style);

}  // namespace attnreel::text
