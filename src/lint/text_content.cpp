// What texts hold: control characters that YAML double quotes made from a backslash
// ("\theta" is a tab and "heta"). A character no font of the scene has is an error when the
// scene compiles (text/shape.cpp), not a warning.
#include "lint/checks.hpp"

#include "io/yaml_escapes.hpp"

namespace attnreel::lint {

void check_text_content(const SceneSpec& spec, text::FontLibrary&, std::vector<Warning>& out) {
    for (const ObjectSpec& entry : spec.objects) {
        if (const auto* t = std::get_if<TextSpec>(&entry.kind)) {
            if (const auto escaped = find_escaped_character(t->content.text, true))
                out.push_back({t->mark, "the text of '" + entry.id + "' holds " + escaped->name + ": " +
                                            single_quote_advice(*escaped, "texts")});
        } else if (const auto* m = std::get_if<MathSpec>(&entry.kind)) {
            if (const auto escaped = find_escaped_character_in_formula(m->tex))
                out.push_back({m->mark, "the formula '" + entry.id + "' holds " + escaped->name + ": " +
                                            single_quote_advice(*escaped, "formulas")});
        }
    }
}

}  // namespace attnreel::lint
