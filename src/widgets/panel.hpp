#pragma once
// Layout widgets. A panel is a rounded box tinted with a pastel of its colour, with a soft
// shadow and a title, that holds a part of a lesson: other objects go inside it with
// `in: panel, at: top_left` (place_in). A callout is a key-insight box: an accent bar, a
// title and wrapped text. A note is a marginal note: small italic text beside a thin rule.
//
// Ids, for a panel `p`: p (group: p.shadow, p.box, p.title, p.area), where p.area is an
// invisible leaf: the room inside the padding, below the title.
// For a callout `c`: c (group: c.box, c.bar, c.title, c.text). For a note `n`: n (group:
// n.rule, n.text). Each is centred on the origin before its entry's layout.
#include "scene/panel_spec.hpp"
#include "widgets/widget_parts.hpp"

namespace attnreel {

std::size_t build_panel(ObjectTable& table, SceneFonts& fonts, const std::string& id, const PanelSpec& spec,
                        const SourceMark& mark);
std::size_t build_callout(ObjectTable& table, SceneFonts& fonts, const std::string& id, const CalloutSpec& spec,
                          const SourceMark& mark);
std::size_t build_note(ObjectTable& table, SceneFonts& fonts, const std::string& id, const NoteSpec& spec,
                       const SourceMark& mark);

// The room inside panel `panel` (its `.area`); InputError at `mark` when it is not a panel.
BBox panel_area(const ObjectTable& table, const std::string& panel, const SourceMark& mark);

// Where `in: panel, at: (ax, ay)` puts an object with bounds `box`: shrunk (never grown) to
// fit the room, then against its edges (ax, ay ∈ {−1, 0, 1}: left/centre/right, bottom/centre/top).
Similarity place_in(const BBox& box, const BBox& room, const Vec2& at);

}  // namespace attnreel
