#include "timeline/text_numbers.hpp"

#include "text/styled_replace.hpp"
#include "widgets/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace attnreel {

namespace {

using Kind = ValueFormat::Kind;
using Shape = attention::ModelValue::Shape;

std::string format_number_as(double v, const ValueFormat& f) {
    switch (f.kind) {
        case Kind::percent: return format_number(v, NumberFormat{f.decimals, true});
        case Kind::integer: return format_number(std::round(v), 0);
        case Kind::exponent: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*e", f.decimals, v);
            std::string s = buf;
            for (std::size_t at = s.find('-'); at != std::string::npos; at = s.find('-', at + 3))
                s.replace(at, 1, "\u2212");
            return s;
        }
        case Kind::fixed:
        case Kind::name: break;
    }
    return format_number(v, f.decimals);
}

}  // namespace

std::string format_model_value(const attention::ModelValue& value, const TextValue& p) {
    const std::string what = "'" + p.path.text + "' is " + attention::describe_shape(value);
    if (value.shape == Shape::matrix)
        throw InputError(p.path.mark, what + "; a text shows a number, a name or a vector: pick one entry with [i][j] "
                                             "or one row with .row[i]");
    if (value.shape == Shape::name) {
        if (!p.format.written.empty() && p.format.kind != Kind::name)
            throw InputError(p.format_mark, what + ": write it without a format, or with ':s' (':" + p.format.written +
                                                "' is for numbers)");
        return value.name;
    }
    if (p.format.kind == Kind::name)
        throw InputError(p.format_mark, what + ": ':s' is for names; numbers take a format such as ':.2f'");
    if (value.shape == Shape::number) return format_number_as(value.values(0, 0), p.format);
    std::string list = "[";
    for (Eigen::Index j = 0; j < value.values.cols(); ++j)
        list += (j ? ", " : "") + format_number_as(value.values(0, j), p.format);
    return list + "]";
}

TextSpec text_from_model(const TextSpec& spec, const attention::SceneData& data, std::vector<ShownValue>& shown) {
    if (spec.values.empty()) return spec;
    std::vector<text::Replacement> fills;
    for (const TextValue& p : spec.values) {
        const attention::ModelValue value = data.value(p.path);
        const std::string printed = format_model_value(value, p);
        fills.push_back({p.begin, p.end, printed});
        if (value.shape == Shape::vector) {
            for (Eigen::Index j = 0; j < value.values.cols(); ++j)
                shown.push_back({format_number_as(value.values(0, j), p.format),
                                 value.path + "[" + std::to_string(j) + "]"});
        } else {
            shown.push_back({printed, value.path});
        }
    }
    TextSpec filled = spec;
    filled.content = text::replace_ranges(spec.content, fills);
    filled.values.clear();
    return filled;
}

}  // namespace attnreel
