#pragma once
// Text objects: shaped into one path per glyph (so Write can draw glyph by glyph), centred
// on the origin like every freshly built object. A plain line (token labels, weights) is
// one leaf; a text entry may hold markup, several lines and colours of its own.
#include "scene/object_table.hpp"
#include "scene/scene_spec.hpp"
#include "text/font_library.hpp"
#include "text/shape.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attnreel {

// The fonts a scene's text uses: the library and the scene's extra files, which come after
// the object's own face in the fallback chain.
struct SceneFonts {
    text::FontLibrary* library = nullptr;
    std::vector<text::FaceId> extra;
    // Bytes of text shaped so far for the scene (texts, labels, tokens, titles): each glyph
    // keeps its outline, about 1 KB, so their sum is held to limits::scene_text_bytes.
    // Formulas count their TeX source.
    std::size_t text_bytes = 0;

    // Counts `text` before it is shaped; InputError when it takes the scene past the limit.
    void charge_text(std::string_view text);
};

// One line of plain text (no markup) as one leaf: a widget's token, label or number, shown
// as written unless `features` say otherwise. Throws InputError (at `mark`) for invalid
// UTF-8 or an unknown font.
Object make_text_object(SceneFonts& fonts, const std::string& id, const std::string& content, double font_size,
                        const std::string& font, const SourceMark& mark,
                        const text::FontFeatures& features = text::as_written_features());

// A text entry added to `table`.
// Lays the text out as a paragraph (spec.width, align, line_spacing), each styled run in
// its face (text/style_faces.hpp). When every glyph has the same colour the text is one
// leaf with id `id`, as a plain line is; otherwise it is a group `id` of leaves
// `id.span[0]`, `id.span[1]`… one per stretch of equal colour in reading order, each
// filled with its span's colour (white when the span has none). Throws InputError (at
// `mark`) for an unknown font.
BuiltObject add_text_object(ObjectTable& table, SceneFonts& fonts, const std::string& id, const TextSpec& spec,
                            const SourceMark& mark);

}  // namespace attnreel
