#include "text/itemize.hpp"

#include "text/bidi.hpp"

#include <algorithm>

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

// Each code point's face: the first of its chain that has it, except that shared
// characters stay with the face before them (in the same chain) when it has them, so
// "שלום, עולם" keeps one comma style.
std::vector<FaceId> choose_faces(const FontLibrary& fonts, const std::vector<CodePoint>& text,
                                 const std::vector<std::vector<FaceId>>& chains,
                                 const std::vector<std::size_t>& chain_of) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<FaceId> faces(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i].value;
        const std::vector<FaceId>& chain = chains[chain_of[i]];
        const bool same_chain = i > 0 && chain_of[i - 1] == chain_of[i];
        const bool shared = is_shared_script(hb_unicode_script(unicode, c));
        if (shared && same_chain && fonts.has_glyph_for(faces[i - 1], c)) {
            faces[i] = faces[i - 1];
            continue;
        }
        const auto covering = std::find_if(chain.begin(), chain.end(),
                                           [&](FaceId f) { return fonts.has_glyph_for(f, c); });
        // A gap in every font: stay in the run (HarfBuzz hides default-ignorables such as
        // joiners; anything else shows the face's .notdef box).
        faces[i] = covering != chain.end() ? *covering : (same_chain ? faces[i - 1] : chain.front());
    }
    // Shared characters that open the text have no face before them: give them the face of
    // the first real letter when it has them (and they share its chain), so "(ש)" gets both
    // brackets from one font.
    const auto first_letter = std::find_if(text.begin(), text.end(), [&](const CodePoint& c) {
        return !is_shared_script(hb_unicode_script(unicode, c.value));
    });
    if (first_letter != text.end()) {
        const auto letter = static_cast<std::size_t>(first_letter - text.begin());
        const FaceId letter_face = faces[letter];
        bool covered = true;
        for (std::size_t i = 0; i < letter; ++i)
            covered = covered && chain_of[i] == chain_of[letter] && fonts.has_glyph_for(letter_face, text[i].value);
        if (covered) std::fill(faces.begin(), faces.begin() + static_cast<std::ptrdiff_t>(letter), letter_face);
    }
    return faces;
}

std::vector<Run> split_runs(const std::vector<FaceId>& faces, const std::vector<hb_script_t>& scripts,
                            const BidiLine& bidi, const std::vector<std::size_t>& chain_of) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        if (!runs.empty() && runs.back().face == faces[i] && runs.back().script == scripts[i] &&
            bidi.levels[runs.back().begin] == bidi.levels[i] && runs.back().chain == chain_of[i]) {
            runs.back().end = i + 1;
        } else {
            runs.push_back({i, i + 1, faces[i], scripts[i], (bidi.levels[i] & 1) != 0, chain_of[i]});
        }
    }
    // A run of one level stays contiguous after reordering, so any of its code points
    // tells where the whole run goes.
    std::sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b) {
        return bidi.visual_position[a.begin] < bidi.visual_position[b.begin];
    });
    return runs;
}

}  // namespace

std::vector<Run> itemize(const FontLibrary& fonts, const std::vector<CodePoint>& text,
                         const std::vector<FaceId>& chain) {
    return itemize(fonts, text, {chain}, std::vector<std::size_t>(text.size(), 0));
}

std::vector<Run> itemize(const FontLibrary& fonts, const std::vector<CodePoint>& text,
                         const std::vector<std::vector<FaceId>>& chains, const std::vector<std::size_t>& chain_of) {
    if (text.empty()) return {};
    std::vector<char32_t> code_points(text.size());
    std::transform(text.begin(), text.end(), code_points.begin(), [](const CodePoint& c) { return c.value; });
    return split_runs(choose_faces(fonts, text, chains, chain_of), resolve_scripts(text), resolve_bidi(code_points),
                      chain_of);
}

}  // namespace attnreel::text
