#include "math/delimiters.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <limits>

namespace attnreel::math {

namespace {

// Past this many pieces a delimiter would be taller than any formula that fits a frame.
constexpr std::size_t max_assembly_pieces = 500;

// The pieces of `parts` with each extender repeated `repeats` times, bottom to top.
std::vector<AssemblyPart> with_repeats(const std::vector<AssemblyPart>& parts, std::size_t repeats) {
    std::vector<AssemblyPart> out;
    for (const AssemblyPart& part : parts) {
        const std::size_t copies = part.extender ? repeats : 1;
        out.insert(out.end(), copies, part);
    }
    return out;
}

double total_advance(const std::vector<AssemblyPart>& parts) {
    double sum = 0;
    for (const AssemblyPart& part : parts) sum += part.full_advance;
    return sum;
}

// The assembly at least `size` em long along `direction` (all lengths at scale 1): the
// fewest extender repeats whose pieces, overlapping by the minimum, reach it; then one
// overlap for every joint, as large as the connectors allow, takes the excess back.
// Vertical pieces stack upwards from the baseline, horizontal ones run rightwards.
Box assembly_box(MathFont& font, const std::vector<AssemblyPart>& parts, double size, hb_direction_t direction) {
    const double min_overlap = font.min_connector_overlap(direction);
    const bool has_extender = std::any_of(parts.begin(), parts.end(), [](const AssemblyPart& p) { return p.extender; });
    std::size_t repeats = 0;
    std::vector<AssemblyPart> pieces = with_repeats(parts, repeats);
    while (has_extender && total_advance(pieces) - min_overlap * double(pieces.size() - 1) < size) {
        if (pieces.size() > max_assembly_pieces) throw InputError("formula too big for its stretchy glyphs");
        pieces = with_repeats(parts, ++repeats);
    }

    double overlap = min_overlap;
    if (pieces.size() > 1) {
        double max_overlap = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i + 1 < pieces.size(); ++i)
            max_overlap = std::min({max_overlap, pieces[i].end_connector, pieces[i + 1].start_connector});
        const double wanted = (total_advance(pieces) - size) / double(pieces.size() - 1);
        overlap = std::max(min_overlap, std::min(wanted, max_overlap));
    }

    const bool vertical = direction == HB_DIRECTION_BTT;
    Box box;
    double pen = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (i > 0) pen -= overlap;
        const Box piece = font.glyph_box(pieces[i].glyph, 1.0, {}, {});
        box.draw(piece, vertical ? Vec2(0, pen) : Vec2(pen, 0));
        if (vertical) {
            box.width = std::max(box.width, piece.width);
        } else {
            // The ink's extent, which may lie wholly below the baseline (⏟) or above it (⏞).
            box.height = i == 0 ? piece.height : std::max(box.height, piece.height);
            box.depth = i == 0 ? piece.depth : std::max(box.depth, piece.depth);
        }
        pen += pieces[i].full_advance;
    }
    if (vertical) box.height = pen;
    else box.width = pen;
    return box;
}

// A box built at scale 1, scaled to `scale` and merged into one piece.
Box scaled_piece(Box box, double scale, const SourceRange& source, const std::string& key) {
    box.width *= scale;
    box.height *= scale;
    box.depth *= scale;
    for (Piece& piece : box.pieces) piece.place = Similarity{scale, Vec2(0, 0)}.after(piece.place);
    return merged(box, source, key);
}

}  // namespace

Box stretched_glyph(MathFont& font, std::uint32_t glyph, double size, double scale, const SourceRange& source,
                    const std::string& key, double assembly_size) {
    const std::vector<GlyphVariant> variants = font.vertical_variants(glyph);
    for (const GlyphVariant& variant : variants)
        if (variant.size * scale >= size) return font.glyph_box(variant.glyph, scale, source, key);
    if (const std::vector<AssemblyPart> parts = font.vertical_assembly(glyph); !parts.empty())
        return scaled_piece(assembly_box(font, parts, std::max(size, assembly_size) / scale, HB_DIRECTION_BTT), scale,
                            source, key);
    return merged(font.glyph_box(variants.empty() ? glyph : variants.back().glyph, scale, source, key), source, key);
}

Box stretched_horizontal_glyph(MathFont& font, std::uint32_t glyph, double width, double scale,
                               const SourceRange& source, const std::string& key) {
    const std::vector<GlyphVariant> variants = font.horizontal_variants(glyph);
    for (const GlyphVariant& variant : variants)
        if (variant.size * scale >= width) return font.glyph_box(variant.glyph, scale, source, key);
    if (const std::vector<AssemblyPart> parts = font.horizontal_assembly(glyph); !parts.empty())
        return scaled_piece(assembly_box(font, parts, width / scale, HB_DIRECTION_LTR), scale, source, key);
    return merged(font.glyph_box(variants.empty() ? glyph : variants.back().glyph, scale, source, key), source, key);
}

double required_delimiter_size(double height, double depth, double axis, double shortfall) {
    const double half = std::max(height - axis, depth + axis);
    return std::max(2 * half * 901.0 / 1000.0, 2 * half - shortfall);
}

Box delimiter_box(MathFont& font, const Delimiter& delimiter, double size, double scale, double axis,
                  double null_width, double assembly_size) {
    if (delimiter.code_point == 0) return space_box(null_width);
    const std::uint32_t glyph = font.glyph_for(delimiter.code_point, MathStyle::Text);
    if (glyph == 0) throw InputError(missing_glyph_message(delimiter.code_point));
    Box box = stretched_glyph(font, glyph, size, scale, delimiter.source, delimiter.key, assembly_size);
    box.raise(axis - (box.height - box.depth) / 2);
    return box;
}

}  // namespace attnreel::math
