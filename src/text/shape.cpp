#include "text/shape.hpp"

#include "core/error.hpp"
#include "text/bidi.hpp"
#include "text/utf8.hpp"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

namespace attnreel::text {

namespace {

bool is_shared_script(hb_script_t script) {
    return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

// Each code point's script, with shared ones (spaces, digits, punctuation, marks) taking
// the script of the text around them so they do not split a run.
std::vector<hb_script_t> resolve_scripts(const std::vector<CodePoint>& text) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<hb_script_t> scripts(text.size());
    hb_script_t current = HB_SCRIPT_COMMON;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const hb_script_t own = hb_unicode_script(unicode, text[i].value);
        if (!is_shared_script(own)) current = own;
        scripts[i] = current;
    }
    // Shared characters at the start take the first real script after them.
    const auto first_real = std::find_if(scripts.begin(), scripts.end(),
                                         [](hb_script_t s) { return !is_shared_script(s); });
    if (first_real != scripts.end()) std::fill(scripts.begin(), first_real, *first_real);
    return scripts;
}

// Each code point's face: the first of `chain` that has it, except that shared characters
// stay with the face before them when it has them, so "שלום, עולם" keeps one comma style.
std::vector<FaceId> choose_faces(const FontLibrary& fonts, const std::vector<CodePoint>& text,
                                 const std::vector<FaceId>& chain) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<FaceId> faces(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i].value;
        const bool shared = is_shared_script(hb_unicode_script(unicode, c));
        if (shared && i > 0 && fonts.has_glyph_for(faces[i - 1], c)) {
            faces[i] = faces[i - 1];
            continue;
        }
        const auto covering = std::find_if(chain.begin(), chain.end(),
                                           [&](FaceId f) { return fonts.has_glyph_for(f, c); });
        // Nobody has it: a control character or a gap in every font. Stay in the run
        // (HarfBuzz hides default-ignorables; anything else shows the face's .notdef).
        faces[i] = covering != chain.end() ? *covering : (i > 0 ? faces[i - 1] : chain.front());
    }
    // Shared characters that open the text have no face before them: give them the face of
    // the first real letter when it has them, so "(ש)" gets both brackets from one font.
    const auto first_letter = std::find_if(text.begin(), text.end(), [&](const CodePoint& c) {
        return !is_shared_script(hb_unicode_script(unicode, c.value));
    });
    if (first_letter != text.end()) {
        const FaceId letter_face = faces[static_cast<std::size_t>(first_letter - text.begin())];
        const auto covered = [&](const CodePoint& c) { return fonts.has_glyph_for(letter_face, c.value); };
        if (std::all_of(text.begin(), first_letter, covered))
            std::fill(faces.begin(), faces.begin() + (first_letter - text.begin()), letter_face);
    }
    return faces;
}

// ASCII control characters (tab, newline…) become spaces: this is one line, and a font's
// .notdef box is never what the author meant. Same byte length, so clusters still match.
std::string with_controls_as_spaces(std::string_view utf8) {
    std::string out(utf8);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return out;
}

// A stretch of code points [begin, end) shaped in one go: one face, script and direction.
struct Run {
    std::size_t begin, end;
    FaceId face;
    hb_script_t script;
    bool right_to_left;
};

std::vector<Run> split_runs(const std::vector<FaceId>& faces, const std::vector<hb_script_t>& scripts,
                            const BidiLine& bidi) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        if (!runs.empty() && runs.back().face == faces[i] && runs.back().script == scripts[i] &&
            bidi.levels[runs.back().begin] == bidi.levels[i]) {
            runs.back().end = i + 1;
        } else {
            runs.push_back({i, i + 1, faces[i], scripts[i], (bidi.levels[i] & 1) != 0});
        }
    }
    // A run of one level stays contiguous after reordering, so any of its code points
    // tells where the whole run goes.
    std::sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b) {
        return bidi.visual_position[a.begin] < bidi.visual_position[b.begin];
    });
    return runs;
}

struct BufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

}  // namespace

ShapedText shape(FontLibrary& fonts, std::string_view utf8_in, const std::vector<FaceId>& chain_in,
                 double em_size) {
    if (!(em_size > 0) || !std::isfinite(em_size))
        throw InputError("font size must be a positive number, got " + std::to_string(em_size));
    const std::string utf8 = with_controls_as_spaces(utf8_in);
    const std::vector<CodePoint> text = decode_utf8(utf8);

    std::vector<FaceId> chain = chain_in.empty() ? std::vector<FaceId>{fonts.face("sans")} : chain_in;
    if (const FaceId last = fonts.last_resort(); std::find(chain.begin(), chain.end(), last) == chain.end())
        chain.push_back(last);

    ShapedText shaped;
    const FaceMetrics primary = fonts.metrics(chain.front());
    shaped.ascent = primary.ascent * em_size;
    shaped.descent = primary.descent * em_size;
    if (text.empty()) return shaped;

    std::vector<char32_t> code_points(text.size());
    std::transform(text.begin(), text.end(), code_points.begin(), [](const CodePoint& c) { return c.value; });
    const std::vector<Run> runs = split_runs(choose_faces(fonts, text, chain), resolve_scripts(text),
                                             resolve_bidi(code_points));

    std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
    double pen = 0;
    for (const Run& run : runs) {
        const std::size_t first_byte = text[run.begin].byte;
        const std::size_t end_byte = run.end < text.size() ? text[run.end].byte : utf8.size();
        hb_buffer_clear_contents(buffer.get());
        // The whole line goes in as context (Arabic joins across runs); clusters are byte
        // offsets into it.
        hb_buffer_add_utf8(buffer.get(), utf8.data(), static_cast<int>(utf8.size()),
                           static_cast<unsigned>(first_byte), static_cast<int>(end_byte - first_byte));
        hb_buffer_set_direction(buffer.get(), run.right_to_left ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        if (!is_shared_script(run.script)) hb_buffer_set_script(buffer.get(), run.script);
        hb_buffer_guess_segment_properties(buffer.get());
        hb_shape(fonts.hb_font(run.face), buffer.get(), nullptr, 0);

        unsigned count = 0;
        const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
        const double scale = em_size / fonts.units_per_em(run.face);
        for (unsigned g = 0; g < count; ++g) {
            const Vec2 origin(pen + positions[g].x_offset * scale, positions[g].y_offset * scale);
            const double advance = positions[g].x_advance * scale;
            const Path& outline = fonts.glyph_outline(run.face, infos[g].codepoint);
            shaped.glyphs.push_back({outline.transformed(Similarity{em_size, origin}), infos[g].cluster, run.face,
                                     infos[g].codepoint, origin, advance});
            pen += advance;
        }
    }
    shaped.width = pen;
    return shaped;
}

}  // namespace attnreel::text
