#pragma once
// Captions burnt into the picture: the cue of time t drawn over a frame's DrawList, white
// Inter on a dark translucent box per line (readable on any background), centred at the
// bottom of the frame, or at the top when the scene reserves its lower third for its own
// content. Every cue is shaped once, when the overlay is made; drawing a frame's caption
// only appends its prepared paths.
#include "captions/cues.hpp"
#include "scene/draw_list.hpp"
#include "scene/scene_spec.hpp"
#include "text/font_library.hpp"

#include <vector>

namespace attnreel::captions {

constexpr double kCaptionFontSize = 40;  // em size in pixels at 1080p, as text's font_size

class CaptionOverlay {
public:
    // `cues` on the clock of the frames that will be drawn; `aspect` is the frame's width
    // over its height (captions shrink to fit narrow frames); `extra_fonts` are the scene's
    // fonts, tried before DejaVu Sans for characters Inter lacks.
    CaptionOverlay(const std::vector<Cue>& cues, text::FontLibrary& fonts, double aspect, bool top,
                   const std::vector<FontFile>& extra_fonts = {});

    // Appends the caption showing at t (if any) to `list`, over everything else.
    void draw(double t, DrawList& list) const;

private:
    std::vector<Cue> cues_;
    std::vector<std::vector<DrawItem>> items_;  // per cue
};

}  // namespace attnreel::captions
