#include "text/shape.hpp"

#include "core/error.hpp"
#include "text/itemize.hpp"
#include "text/utf8.hpp"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

namespace attnreel::text {

namespace {

// ASCII control characters (tab, newline…) become spaces: this is one line, and a font's
// .notdef box is never what the author meant. Same byte length, so clusters still match.
std::string with_controls_as_spaces(std::string_view utf8) {
    std::string out(utf8);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return out;
}

struct BufferDeleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

// The features as HarfBuzz takes them, each tag once (the last value given for it).
std::vector<hb_feature_t> hb_features(const FontFeatures& features) {
    std::vector<hb_feature_t> out;
    for (const std::string& text : features) {
        hb_feature_t f;
        if (!is_font_feature(text) || !hb_feature_from_string(text.data(), static_cast<int>(text.size()), &f))
            throw InputError("unknown font feature '" + text + "' (expected a tag such as liga, -calt or ss01=1)");
        const auto same = std::find_if(out.begin(), out.end(), [&](const hb_feature_t& g) { return g.tag == f.tag; });
        if (same != out.end()) out.erase(same);
        out.push_back(f);
    }
    return out;
}

// Glyph 0 is the font's .notdef box: no face of the chain, nor the last resort, has the
// character. Drawing the box would be garbage in the video; the author must know.
[[noreturn]] void throw_missing_glyph(std::string_view utf8, std::size_t byte) {
    const auto c = decode_utf8_at(utf8, byte);
    const char32_t value = c ? c->value : U'\uFFFD';
    throw InputError("no font of the scene has '" + printable(encode_utf8(value)) + "' (" + code_point_name(value) +
                     ")" + (value >= 0x1F000 ? ", an emoji: the bundled fonts have no colour emoji" : "") +
                     "; add a font that has it to scene: {fonts: [...]}, or leave it out");
}

}  // namespace

const FontFeatures& as_written_features() {
    static const FontFeatures features = {"-liga", "-clig", "-dlig", "-calt"};
    return features;
}

bool is_font_feature(std::string_view feature) {
    // HarfBuzz cuts a longer tag to four letters ("ligaa" would be liga): refuse it instead.
    std::string_view tag = feature;
    if (!tag.empty() && (tag[0] == '-' || tag[0] == '+')) tag.remove_prefix(1);
    tag = tag.substr(0, tag.find_first_of("=["));
    hb_feature_t f;
    return !tag.empty() && tag.size() <= 4 &&
           hb_feature_from_string(feature.data(), static_cast<int>(feature.size()), &f);
}

ShapedText shape(FontLibrary& fonts, std::string_view utf8, const std::vector<FaceId>& chain, double em_size,
                 const FontFeatures& features) {
    return shape_styled(fonts, utf8, {{0, utf8.size(), chain, features, 1, 0}}, em_size);
}

ShapedText shape_styled(FontLibrary& fonts, std::string_view utf8_in, const std::vector<FaceRange>& ranges_in,
                        double em_size) {
    if (!(em_size > 0) || !std::isfinite(em_size))
        throw InputError("font size must be a positive number, got " + std::to_string(em_size));
    const std::string utf8 = with_controls_as_spaces(utf8_in);
    const std::vector<CodePoint> text = decode_utf8(utf8);

    std::vector<FaceRange> ranges = ranges_in.empty() ? std::vector<FaceRange>{{0, utf8.size(), {}, {}, 1, 0}} : ranges_in;
    std::vector<std::vector<FaceId>> chains;
    std::vector<std::vector<hb_feature_t>> features;
    for (FaceRange& range : ranges) {
        features.push_back(hb_features(range.features));
        std::vector<FaceId> chain = range.chain.empty() ? std::vector<FaceId>{fonts.face("sans")} : range.chain;
        // The last resort only when the chain lacks a code point: loading it costs more than
        // shaping a short label.
        const bool covered = std::all_of(text.begin(), text.end(), [&](const CodePoint& c) {
            return c.byte < range.begin || c.byte >= range.end ||
                   std::any_of(chain.begin(), chain.end(), [&](FaceId f) { return fonts.has_glyph_for(f, c.value); });
        });
        if (!covered)
            if (const FaceId last = fonts.last_resort(); std::find(chain.begin(), chain.end(), last) == chain.end())
                chain.push_back(last);
        chains.push_back(std::move(chain));
    }

    ShapedText shaped;
    const FaceMetrics primary = fonts.metrics(chains.front().front());
    shaped.ascent = primary.ascent * em_size;
    shaped.descent = primary.descent * em_size;
    if (text.empty()) return shaped;

    // Each code point's range; the ranges must tile the text.
    std::vector<std::size_t> chain_of(text.size());
    std::size_t range = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        while (range < ranges.size() && ranges[range].end <= text[i].byte) ++range;
        if (range == ranges.size() || ranges[range].begin > text[i].byte)
            throw InputError("styled ranges do not cover byte " + std::to_string(text[i].byte) + " of the text");
        chain_of[i] = range;
    }

    const std::vector<Run> runs = itemize(fonts, text, chains, chain_of);

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
        hb_buffer_set_script(buffer.get(), run.script);
        // No language: HarfBuzz would guess it from the process locale, and the same scene
        // must give the same pixels on every machine.
        const std::vector<hb_feature_t>& run_features = features[run.chain];
        const double run_em = em_size * ranges[run.chain].size, rise = em_size * ranges[run.chain].rise;
        hb_shape(fonts.hb_font(run.face), buffer.get(), run_features.data(),
                 static_cast<unsigned>(run_features.size()));

        unsigned count = 0;
        const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
        const double scale = run_em / fonts.units_per_em(run.face);
        for (unsigned g = 0; g < count; ++g) {
            if (infos[g].codepoint == 0) throw_missing_glyph(utf8_in, infos[g].cluster);
            const Vec2 origin(pen + positions[g].x_offset * scale, rise + positions[g].y_offset * scale);
            const double advance = positions[g].x_advance * scale;
            const Path& outline = fonts.glyph_outline(run.face, infos[g].codepoint);
            shaped.glyphs.push_back({outline.transformed(Similarity{run_em, origin}), infos[g].cluster, run.face,
                                     infos[g].codepoint, origin, advance});
            pen += advance;
        }
    }
    shaped.width = pen;
    return shaped;
}

}  // namespace attnreel::text
