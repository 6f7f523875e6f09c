#include "widgets/number_text.hpp"

#include "text/shape.hpp"

#include <cmath>
#include <cstdio>

namespace attnreel {

namespace {

constexpr const char* kMinus = "\u2212";
constexpr const char* kInfinity = "\u221e";

// The characters of every string format_number makes.
const std::vector<std::string>& number_characters() {
    static const std::vector<std::string> chars = {"0", "1", "2", "3", "4", "5", "6", "7", "8",
                                                   "9", ".", "%", kMinus, kInfinity};
    return chars;
}

// One UTF-8 character at a time.
std::vector<std::string> characters(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace

std::string format_number(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s[0] != '-') return s;
    if (s.find_first_not_of("-0.") == std::string::npos) return s.substr(1);  // "-0.00"
    return kMinus + s.substr(1);
}

std::string format_number(double value, const NumberFormat& format) {
    if (value == -INFINITY) return std::string(kMinus) + kInfinity;
    if (format.percent) return format_number(value * 100, format.decimals) + "%";
    return format_number(value, format.decimals);
}

std::shared_ptr<const NumberGlyphs> number_glyphs(SceneFonts& fonts, const std::string& font, double font_size,
                                                  const SourceMark& mark) {
    auto set = std::make_shared<NumberGlyphs>();
    try {
        std::vector<text::FaceId> chain{fonts.library->face(font)};
        chain.insert(chain.end(), fonts.extra.begin(), fonts.extra.end());
        const double em = text::font_size_to_em(font_size);
        for (const std::string& c : number_characters()) {
            const text::ShapedText shaped = text::shape(*fonts.library, c, chain, em);
            NumberGlyphs::Glyph g;
            g.advance = shaped.width;
            for (const auto& glyph : shaped.glyphs) g.outline.append(glyph.outline);
            set->glyphs.emplace(c, std::move(g));
        }
    } catch (const InputError& e) {
        throw InputError(mark, e.message());
    }
    set->digit_height = set->glyphs.at("0").outline.bounds().height();
    return set;
}

double number_width(const NumberGlyphs& glyphs, const std::string& text) {
    double width = 0;
    for (const std::string& c : characters(text))
        if (const auto it = glyphs.glyphs.find(c); it != glyphs.glyphs.end()) width += it->second.advance;
    return width;
}

std::vector<Path> number_parts(const NumberLabel& label, double value, const NumberFormat& format) {
    const NumberGlyphs& glyphs = *label.glyphs;
    const std::string text = format_number(value, format);
    double x = -label.align * number_width(glyphs, text);
    const double baseline = -glyphs.digit_height / 2;
    std::vector<Path> parts;
    for (const std::string& c : characters(text)) {
        const auto it = glyphs.glyphs.find(c);
        if (it == glyphs.glyphs.end()) continue;
        if (!it->second.outline.empty())
            parts.push_back(it->second.outline.transformed(label.at.after(Similarity::translation({x, baseline}))));
        x += it->second.advance;
    }
    return parts;
}

Object make_number_object(const std::string& id, const SourceMark& mark, std::shared_ptr<const NumberGlyphs> glyphs,
                          double value, const NumberFormat& format, const Vec2& anchor, double align) {
    Object o;
    o.id = id;
    o.mark = mark;
    o.shape = ObjectShape::Text;
    o.style.fill_opacity = 1;
    o.style.stroke_width = 0;
    NumberLabel label;
    label.value = value;
    label.format = format;
    label.glyphs = std::move(glyphs);
    label.align = align;
    label.at = Similarity::translation(anchor);
    o.parts = number_parts(label, value, format);
    o.alt_text.words = std::make_shared<const std::string>(format_number(value, format));
    o.number = std::move(label);
    return o;
}

}  // namespace attnreel
