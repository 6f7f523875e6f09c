#pragma once
// What a scene file says about layout widgets: tinted panels that hold a part of a lesson,
// key-insight callouts and marginal notes (io/panel_loader reads them, widgets/panel
// builds them).
#include "core/color.hpp"
#include "text/markup.hpp"

#include <string>

namespace attnreel {

struct PanelSpec {
    std::string title;             // none: no title
    double width = 4.4, height = 6;
    Color tint{0x3b / 255.0, 0x82 / 255.0, 0xf6 / 255.0, 1};  // blue; the seed's panels: blue, purple, pink
    bool shadow = true;
    double corner_radius = 0.18;
    double padding = 0.3;          // between the box and what `in:` places inside it
    double font_size = 30;         // the title's
};

struct CalloutSpec {
    std::string title = "Key insight";  // empty: none
    text::StyledText text;              // the body, with markup
    double width = 5;
    Color color{0xf5 / 255.0, 0x9e / 255.0, 0x0b / 255.0, 1};  // amber
    double font_size = 26;
};

struct NoteSpec {
    text::StyledText text;
    double width = 3.2;
    Color color{0x94 / 255.0, 0xa3 / 255.0, 0xb8 / 255.0, 1};  // slate-400
    double font_size = 24;
};

}  // namespace attnreel
