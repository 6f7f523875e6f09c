#pragma once
// Text objects: a line shaped into one path per glyph (so Write can draw glyph by glyph),
// centred on the origin like every freshly built object.
#include "scene/object.hpp"
#include "text/font_library.hpp"

#include <string>
#include <vector>

namespace attnreel {

// The fonts a scene's text uses: the library and the scene's extra files, which come after
// the object's own face in the fallback chain.
struct SceneFonts {
    text::FontLibrary* library = nullptr;
    std::vector<text::FaceId> extra;
};

// Throws InputError (at `mark`) for invalid UTF-8 or an unknown font.
Object make_text_object(SceneFonts& fonts, const std::string& id, const std::string& content, double font_size,
                        const std::string& font, const SourceMark& mark);

}  // namespace attnreel
