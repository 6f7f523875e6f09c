// What texts hold: characters no font of the scene can draw (they would show as empty
// boxes) and control characters that YAML double quotes made from a backslash ("\theta"
// is a tab and "heta").
#include "lint/checks.hpp"

#include "io/yaml_escapes.hpp"
#include "text/style_faces.hpp"
#include "text/utf8.hpp"

#include <algorithm>

namespace attnreel::lint {

namespace {

// Characters that draw nothing of their own: white space, controls, joiners and
// variation selectors.
bool draws_nothing(char32_t c) {
    return c <= 0x20 || (c >= 0x7F && c <= 0xA0) || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0x3000;
}

class GlyphCoverage {
public:
    GlyphCoverage(const SceneSpec& spec, text::FontLibrary& fonts) : fonts_(fonts) {
        for (const auto& file : spec.settings.fonts) extra_.push_back(fonts.face(file.path));
        extra_.push_back(fonts.last_resort());
    }

    // The characters of `utf8` (bytes [begin, end)) that none of `faces` (names or font
    // files) nor a fallback face has, each once: the faces text_object tries, in that order.
    void missing(const std::string& utf8, std::size_t begin, std::size_t end, const std::vector<std::string>& faces,
                 std::vector<char32_t>& out) {
        std::vector<text::FaceId> chain;
        for (const auto& name : faces) chain.push_back(fonts_.face(name));
        chain.insert(chain.end(), extra_.begin(), extra_.end());
        for (const text::CodePoint& c : text::decode_utf8(std::string_view(utf8).substr(begin, end - begin))) {
            if (draws_nothing(c.value)) continue;
            if (std::any_of(chain.begin(), chain.end(), [&](text::FaceId f) { return fonts_.has_glyph_for(f, c.value); }))
                continue;
            if (std::find(out.begin(), out.end(), c.value) == out.end()) out.push_back(c.value);
        }
    }

private:
    text::FontLibrary& fonts_;
    std::vector<text::FaceId> extra_;  // the scene's fonts, then the last resort
};

std::string listed(const std::vector<char32_t>& missing) {
    std::string out;
    for (std::size_t i = 0; i < missing.size() && i < 8; ++i)
        out += (i ? ", '" : "'") + text::encode_utf8(missing[i]) + "' (" + text::code_point_name(missing[i]) + ")";
    if (missing.size() > 8) out += " and " + std::to_string(missing.size() - 8) + " more";
    return out;
}

std::string no_font_message(const std::string& what, const std::vector<char32_t>& missing) {
    return what + " has " + (missing.size() == 1 ? "a character" : "characters") +
           " that no font of the scene has, drawn as empty boxes: " + listed(missing) +
           "; add a font that has " + (missing.size() == 1 ? "it" : "them") + " to scene: {fonts: [...]}";
}

}  // namespace

void check_text_content(const SceneSpec& spec, text::FontLibrary& fonts, std::vector<Warning>& out) {
    GlyphCoverage coverage(spec, fonts);
    for (const ObjectSpec& entry : spec.objects) {
        std::vector<char32_t> missing;
        SourceMark mark = entry.mark;
        if (const auto* t = std::get_if<TextSpec>(&entry.kind)) {
            mark = t->mark;
            if (const auto escaped = find_escaped_character(t->content.text, true))
                out.push_back({mark, "the text of '" + entry.id + "' holds " + escaped->name + ": " +
                                         single_quote_advice(*escaped, "texts")});
            for (const text::StyledRun& run : t->content.runs)
                coverage.missing(t->content.text, run.begin, run.end, {text::face_for_style(t->font, run.style), t->font},
                                 missing);
            if (t->content.runs.empty())
                coverage.missing(t->content.text, 0, t->content.text.size(), {t->font}, missing);
        } else if (const auto* m = std::get_if<MathSpec>(&entry.kind)) {
            if (const auto escaped = find_escaped_character_in_formula(m->tex))
                out.push_back({m->mark, "the formula '" + entry.id + "' holds " + escaped->name + ": " +
                                            single_quote_advice(*escaped, "formulas")});
        } else if (const auto* row = std::get_if<TokenRowSpec>(&entry.kind)) {
            for (const std::string& token : row->tokens) coverage.missing(token, 0, token.size(), {row->font}, missing);
        } else if (const auto* heatmap = std::get_if<HeatmapSpec>(&entry.kind)) {
            for (const auto* labels : {&heatmap->row_labels, &heatmap->column_labels})
                for (const std::string& label : *labels) coverage.missing(label, 0, label.size(), {"sans"}, missing);
        }
        if (!missing.empty()) out.push_back({mark, no_font_message("'" + entry.id + "'", missing)});
    }
}

}  // namespace attnreel::lint
