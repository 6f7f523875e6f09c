#include "timeline/head_grid_numbers.hpp"

#include "widgets/number_text.hpp"
#include "widgets/widget_parts.hpp"

#include <algorithm>
#include <cmath>

namespace attnreel {

namespace {

// "model" or "models.NAME", and where its analysis is.
struct Prefixes {
    std::string model, analysis;
};

Prefixes prefixes(const HeadGridSpec& spec) {
    if (spec.model.empty()) return {"model", "analysis"};
    return {"models." + spec.model, "models." + spec.model + ".analysis"};
}

std::vector<std::vector<double>> matrix_of(const attention::ModelValue& m) {
    std::vector<std::vector<double>> rows(static_cast<std::size_t>(m.values.rows()),
                                          std::vector<double>(static_cast<std::size_t>(m.values.cols())));
    for (Eigen::Index i = 0; i < m.values.rows(); ++i)
        for (Eigen::Index j = 0; j < m.values.cols(); ++j)
            rows[i][j] = m.is_hidden(i, j) ? -INFINITY : m.values(i, j);
    return rows;
}

HeadGridSpec::Vector vector_of(const attention::SceneData& data, const std::string& path, const SourceMark& mark) {
    const attention::ModelValue v = data.value(path, mark);
    HeadGridSpec::Vector out;
    out.values.assign(v.values.data(), v.values.data() + v.values.size());
    out.source = v.path;
    return out;
}

// A name from the analysis, or none where the model has none (cross-attention).
std::string caption_of(const attention::SceneData& data, const std::string& path, const SourceMark& mark) {
    try {
        const attention::ModelValue v = data.value(path, mark);
        if (v.shape == attention::ModelValue::Shape::name) {
            // "first_token_sink" is a key for scenes; a caption reads "first token sink".
            std::string words = v.name;
            std::replace(words.begin(), words.end(), '_', ' ');
            return words;
        }
        return "entropy " + format_number(v.values(0, 0), 2);
    } catch (const InputError&) {
        return "";
    }
}

}  // namespace

HeadGridSpec head_grid_from_model(HeadGridSpec spec, const attention::SceneData& data) {
    const Prefixes p = prefixes(spec);
    attention::ModelPath which;
    which.named = !spec.model.empty();
    which.model = spec.model;
    const attention::SceneData::Entry* entry = nullptr;
    try {
        entry = &data.entry(which, p.model);
    } catch (const attention::PathError& e) {
        throw InputError(spec.mark, e.what());
    }
    const auto& layers = entry->analysis().layers;
    spec.queries = entry->queries;
    spec.keys = entry->keys;
    const std::vector<Color>& palette = spec.colors.empty() ? head_colors() : spec.colors;
    auto L = [](int l) { return "layer[" + std::to_string(l) + "]"; };
    auto H = [](int h) { return "head[" + std::to_string(h) + "]"; };
    if (!spec.layers) {
        if (spec.layer >= static_cast<int>(layers.size()))
            throw InputError(spec.layer_mark, "layer " + std::to_string(spec.layer) + " is out of range (the model has " +
                                                  count_of(layers.size(), "layer") + ")");
        const int heads = static_cast<int>(layers[spec.layer].size());
        for (int h = 0; h < heads; ++h) {
            HeadGridSpec::Item item;
            const attention::ModelValue w = data.value(p.model + "." + L(spec.layer) + "." + H(h), spec.mark);
            item.weights = matrix_of(w);
            item.source = w.path;
            item.title = "H";  // appended, not "H" + …: GCC 12 warns falsely (-Wrestrict) on that
            item.title += std::to_string(h);
            if (spec.patterns) item.caption = caption_of(data, p.analysis + "." + L(spec.layer) + "." + H(h) + ".pattern", spec.mark);
            item.color = palette[h % palette.size()];
            spec.items.push_back(std::move(item));
        }
        if (spec.select && *spec.select >= heads)
            throw InputError(spec.select_mark, "head " + std::to_string(*spec.select) + " is out of range (layer " +
                                                   std::to_string(spec.layer) + " has " + count_of(heads, "head") + ")");
        if (spec.diagram) {
            const int t = spec.token.value_or(static_cast<int>(spec.queries.size()) - 1);
            if (t >= static_cast<int>(spec.queries.size()))
                throw InputError(spec.token_mark, "token " + std::to_string(t) + " is out of range (" +
                                                      count_of(spec.queries.size(), "query") + ")");
            const std::string row = ".row[" + std::to_string(t) + "]";
            const std::string layer = p.model + "." + L(spec.layer);
            for (int h = 0; h < heads; ++h)
                spec.head_outputs.push_back(vector_of(data, layer + "." + H(h) + ".output" + row, spec.mark));
            spec.concat = vector_of(data, layer + ".concat" + row, spec.mark);
            spec.output = vector_of(data, layer + ".attention_output" + row, spec.mark);
        }
        return spec;
    }
    const int count = static_cast<int>(layers.size());
    if (spec.head && *spec.head >= static_cast<int>(layers[0].size()))
        throw InputError(spec.head_mark, "head " + std::to_string(*spec.head) + " is out of range (each layer has " +
                                             count_of(layers[0].size(), "head") + ")");
    for (int l = 0; l < count; ++l) {
        HeadGridSpec::Item item;
        const std::string which_matrix = spec.head ? H(*spec.head) : "head_mean";
        const attention::ModelValue w = data.value(p.model + "." + L(l) + "." + which_matrix, spec.mark);
        item.weights = matrix_of(w);
        item.source = w.path;
        item.title = "L";
        item.title += std::to_string(l);
        if (spec.patterns)
            item.caption = spec.head ? caption_of(data, p.analysis + "." + L(l) + "." + H(*spec.head) + ".pattern", spec.mark)
                                     : caption_of(data, p.analysis + "." + L(l) + ".entropy", spec.mark);
        item.color = palette[l % palette.size()];
        spec.items.push_back(std::move(item));
    }
    if (spec.select && *spec.select >= count)
        throw InputError(spec.select_mark, "layer " + std::to_string(*spec.select) + " is out of range (the model has " +
                                               count_of(count, "layer") + ")");
    return spec;
}

}  // namespace attnreel
