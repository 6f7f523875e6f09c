#include "text/paragraph.hpp"

#include "core/error.hpp"
#include "text/utf8.hpp"

#include <hb.h>

#include <algorithm>
#include <cmath>

namespace attnreel::text {

namespace {

bool is_break_space(char c) { return c == ' ' || c == '\t'; }

// The last index in [lo, count) for which fits() holds, given that it holds up to some
// index and not after; nullopt when not even `lo` fits. Gallops, then bisects, so finding
// a line costs a few shapes of about that line's length however long the paragraph is.
template <typename Fits>
std::optional<std::size_t> last_fitting(std::size_t lo, std::size_t count, Fits fits) {
    if (lo >= count || !fits(lo)) return std::nullopt;
    std::size_t good = lo, bad = count, step = 1;
    while (good + step < count) {
        if (!fits(good + step)) {
            bad = good + step;
            break;
        }
        good += step;
        step *= 2;
    }
    while (bad - good > 1) {
        const std::size_t mid = good + (bad - good) / 2;
        (fits(mid) ? good : bad) = mid;
    }
    return good;
}

class Layout {
public:
    Layout(FontLibrary& fonts, std::string_view text, const std::vector<FaceRange>& ranges, const ParagraphStyle& style)
        : fonts_(fonts), text_(text), ranges_(ranges), style_(style) {}

    // Bytes [begin, end) as one shaped line, each range cut to it.
    ShapedText shape_line(std::size_t begin, std::size_t end) const {
        std::vector<FaceRange> cut;
        for (const FaceRange& r : ranges_) {
            const std::size_t b = std::max(r.begin, begin), e = std::min(r.end, end);
            if (b < e) cut.push_back({b - begin, e - begin, r.chain, r.features, r.size, r.rise});
        }
        if (cut.empty() && !ranges_.empty()) cut.push_back({0, 0, ranges_.front().chain, ranges_.front().features});
        return shape_styled(fonts_, text_.substr(begin, end - begin), cut, style_.em_size);
    }

    // The lines of the paragraph [begin, end), which holds no newline.
    void break_paragraph(std::size_t begin, std::size_t end, std::vector<std::pair<std::size_t, std::size_t>>& out) {
        const std::string_view para = text_.substr(begin, end - begin);
        const bool blank = std::all_of(para.begin(), para.end(), is_break_space);
        if (!style_.width || blank) {
            out.emplace_back(begin, end);
            return;
        }
        const double width = *style_.width * (1 + 1e-9);
        const auto fits = [&](std::size_t from, std::size_t to) { return shape_line(from, to).width <= width; };

        std::vector<std::size_t> word_ends;  // after the last byte of each word
        for (std::size_t i = begin + 1; i <= end; ++i)
            if (!is_break_space(text_[i - 1]) && (i == end || is_break_space(text_[i]))) word_ends.push_back(i);
        std::vector<std::size_t> cuts;  // where a word may break: before any code point but a mark
        hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
        for (const CodePoint& c : decode_utf8(para)) {
            const hb_unicode_general_category_t category = hb_unicode_general_category(unicode, c.value);
            const bool mark = category == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
                              category == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
                              category == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || c.value == 0x200D;
            if (!mark) cuts.push_back(begin + c.byte);
        }

        std::size_t start = begin;
        while (start < end) {
            const auto first_word = static_cast<std::size_t>(
                std::upper_bound(word_ends.begin(), word_ends.end(), start) - word_ends.begin());
            // First the next word, character by character: galloping from the line's start
            // shapes about a line's worth, where shaping the whole word would cost its
            // length on each of its lines (quadratic for a long word and a narrow width).
            const std::size_t word_end = word_ends[first_word];
            const auto lo = static_cast<std::size_t>(std::upper_bound(cuts.begin(), cuts.end(), start) - cuts.begin());
            const auto hi = static_cast<std::size_t>(std::lower_bound(cuts.begin(), cuts.end(), word_end) - cuts.begin());
            const auto stop_at = [&](std::size_t i) { return i < hi ? cuts[i] : word_end; };  // hi: the word's end
            const auto chars = last_fitting(lo, hi + 1, [&](std::size_t i) { return fits(start, stop_at(i)); });
            std::size_t stop = 0;
            if (chars && *chars == hi) {
                // The word fits: as many words as fit.
                const auto words = last_fitting(first_word, word_ends.size(),
                                                [&](std::size_t i) { return fits(start, word_ends[i]); });
                stop = word_ends[*words];
            } else {
                // The word alone is wider than the line: as many characters as fit, at least one.
                stop = chars ? cuts[*chars] : (lo < hi ? cuts[lo] : word_end);
            }
            out.emplace_back(start, stop);
            start = stop;
            while (start < end && is_break_space(text_[start])) ++start;
        }
    }

private:
    FontLibrary& fonts_;
    std::string_view text_;
    const std::vector<FaceRange>& ranges_;
    const ParagraphStyle& style_;
};

}  // namespace

Paragraph lay_out_paragraph(FontLibrary& fonts, std::string_view text, const std::vector<FaceRange>& ranges,
                            FaceId primary, const ParagraphStyle& style) {
    if (style.width && !(*style.width > 0 && std::isfinite(*style.width)))
        throw InputError("the text width must be a positive number");
    if (!(style.line_spacing > 0) || !std::isfinite(style.line_spacing))
        throw InputError("line spacing must be a positive number");
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);

    Layout layout(fonts, text, ranges, style);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t begin = 0;;) {
        const std::size_t newline = text.find('\n', begin);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        layout.break_paragraph(begin, end, spans);
        if (newline == std::string_view::npos) break;
        begin = newline + 1;
    }

    const FaceMetrics metrics = fonts.metrics(primary);
    const double ascent = metrics.ascent * style.em_size, descent = metrics.descent * style.em_size;
    Paragraph p;
    p.line_height = ascent + descent;
    std::vector<ShapedText> shaped;
    double widest = 0;
    for (const auto& [begin, end] : spans) {
        shaped.push_back(layout.shape_line(begin, end));
        widest = std::max(widest, shaped.back().width);
    }
    // Centre the block on its line boxes: the first line's top to the last line's bottom.
    const double last_baseline = -static_cast<double>(spans.size() - 1) * style.line_spacing * p.line_height;
    const double lift = -(ascent + (last_baseline - descent)) / 2;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const ShapedText& line = shaped[k];
        const double left = style.align == Align::Left    ? -widest / 2
                            : style.align == Align::Right ? widest / 2 - line.width
                                                          : -line.width / 2;
        const double baseline = -static_cast<double>(k) * style.line_spacing * p.line_height + lift;
        p.lines.push_back({spans[k].first, spans[k].second, left, line.width, baseline});
        const Similarity place = Similarity::translation({left, baseline});
        for (const ShapedGlyph& g : line.glyphs)
            p.glyphs.push_back({g.outline.transformed(place), spans[k].first + g.cluster});
    }
    return p;
}

}  // namespace attnreel::text
