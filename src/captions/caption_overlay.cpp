#include "captions/caption_overlay.hpp"

#include "text/shape.hpp"

#include <algorithm>

namespace attnreel::captions {

namespace {

constexpr double kFrameHeight = 8;     // scene units
constexpr double kEdgeMargin = 0.06;   // of the frame's height, between the captions and the edge
constexpr double kMaxWidth = 0.9;      // of the frame's width, for the widest line
constexpr double kPadding = 0.3;       // of the em, left and right of each line in its box
constexpr double kLineSpacing = 1.12;  // line boxes, in the font's natural line heights
const Color kText{1, 1, 1, 1};
const Color kBox{0, 0, 0, 0.72};  // WCAG contrast ≥ 7:1 for white text over any picture

}  // namespace

CaptionOverlay::CaptionOverlay(const std::vector<Cue>& cues, text::FontLibrary& fonts, double aspect, bool top,
                               const std::vector<FontFile>& extra_fonts)
    : cues_(cues) {
    std::vector<text::FaceId> chain{fonts.face("sans")};
    for (const auto& f : extra_fonts) chain.push_back(fonts.face(f.path, f.mark));
    const double frame_width = kFrameHeight * aspect;
    const double em = text::font_size_to_em(kCaptionFontSize);

    for (const Cue& cue : cues_) {
        std::vector<text::ShapedText> shaped;
        double widest = 0;
        for (const auto& line : cue.lines) {
            try {
                shaped.push_back(text::shape(fonts, line, chain, em));
            } catch (const InputError& e) {
                throw InputError(cue.mark, e.message());  // a character no font has: at its say:
            }
            widest = std::max(widest, shaped.back().width + 2 * kPadding * em);
        }
        // Narrow frames shrink the caption so its widest line fits.
        const double scale = std::min(1.0, kMaxWidth * frame_width / std::max(widest, 1e-9));
        const double text_height = shaped.empty() ? 0 : (shaped[0].ascent + shaped[0].descent) * scale;
        const double line_height = kLineSpacing * text_height;
        const double block = line_height * static_cast<double>(shaped.size());
        // y of the block's top edge.
        const double block_top = top ? kFrameHeight / 2 - kEdgeMargin * kFrameHeight
                                     : -kFrameHeight / 2 + kEdgeMargin * kFrameHeight + block;
        std::vector<DrawItem> items;
        for (std::size_t k = 0; k < shaped.size(); ++k) {
            const text::ShapedText& s = shaped[k];
            const double width = s.width * scale;
            const double box_top = block_top - line_height * static_cast<double>(k);
            const double baseline = box_top - (line_height - text_height) / 2 - s.ascent * scale;
            const double box_width = width + 2 * kPadding * em * scale;
            items.push_back(
                {rectangle_path({0, box_top - line_height / 2}, box_width, line_height), kBox, std::nullopt, 0, std::nullopt});
            const Similarity place{scale, {-width / 2, baseline}};
            for (const auto& g : s.glyphs)
                if (!g.outline.empty()) items.push_back({g.outline.transformed(place), kText, std::nullopt, 0, std::nullopt});
        }
        items_.push_back(std::move(items));
    }
}

void CaptionOverlay::draw(double t, DrawList& list) const {
    const Cue* cue = caption_at(cues_, t);
    if (!cue) return;
    const auto& items = items_[static_cast<std::size_t>(cue - cues_.data())];
    list.items.insert(list.items.end(), items.begin(), items.end());
}

}  // namespace attnreel::captions
