#include "attention/report.hpp"

#include "attention/tokens.hpp"

#include <algorithm>
#include <cstdio>

namespace attnreel::attention {

namespace {

std::string fixed(double number, int decimals = 3) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, number);
    return buffer;
}

// Pads (or shortens, ending in "…") to `width` code points.
std::string fit_width(std::string text, std::size_t width, bool right_align) {
    if (display_width(text) > width) {
        std::string shortened;
        std::size_t points = 0;
        for (char c : text) {
            const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            if (lead && ++points > width - 1) break;
            shortened += c;
        }
        text = shortened + "…";
    }
    const std::string padding(width - display_width(text), ' ');
    return right_align ? padding + text : text + padding;
}

void append_rollout(std::string& out, const Eigen::MatrixXd& rollout, const std::vector<std::string>& tokens) {
    std::size_t label_width = 5;
    for (const auto& token : tokens) label_width = std::max(label_width, std::min<std::size_t>(display_width(token), 10));
    out += "\nAttention rollout (row: position after the last layer, column: input token it draws on)\n";
    out += std::string(label_width, ' ');
    for (const auto& token : tokens) out += "  " + fit_width(token, label_width, true);
    out += '\n';
    for (Eigen::Index i = 0; i < rollout.rows(); ++i) {
        out += fit_width(tokens[static_cast<std::size_t>(i)], label_width, false);
        for (Eigen::Index j = 0; j < rollout.cols(); ++j) out += "  " + fit_width(fixed(rollout(i, j)), label_width, true);
        out += '\n';
    }
}

}  // namespace

std::string describe(const PatternFit& fit) {
    switch (fit.pattern) {
        case HeadPattern::local: return "local (w=" + std::to_string(fit.parameter) + ")";
        case HeadPattern::positional_offset: return "positional_offset (k=" + std::to_string(fit.parameter) + ")";
        default: return to_string(fit.pattern);
    }
}

namespace {

std::string figure(const std::optional<double>& value) { return value ? fixed(*value) : "-"; }

struct Column {
    std::string title;
    std::size_t width;
    std::optional<double> HeadAnalysis::*figure = nullptr;  // none: entropy or a text column
};

void append_row(std::string& out, const std::vector<Column>& columns, const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < columns.size(); ++c)
        out += (c ? "  " : "") + fit_width(cells[c], columns[c].width, columns[c].title != "pattern");
    out += '\n';
}

void append_profile(std::string& out, const Eigen::MatrixXd& profile) {
    out += "\nDistance profile (mean weight on a visible key d positions away, by layer)\n";
    out += fit_width("layer", 5, true);
    for (Eigen::Index d = 0; d < profile.cols(); ++d) out += "  " + fit_width("d=" + std::to_string(d), 5, true);
    out += '\n';
    for (Eigen::Index l = 0; l < profile.rows(); ++l) {
        out += fit_width(std::to_string(l), 5, true);
        for (Eigen::Index d = 0; d < profile.cols(); ++d) out += "  " + fit_width(fixed(profile(l, d)), 5, true);
        out += '\n';
    }
}

}  // namespace

std::string analysis_table(const ModelAnalysis& analysis, const std::vector<std::string>& tokens) {
    std::vector<Column> columns = {{"layer", 5}, {"head", 4}};
    if (!analysis.cross) columns.insert(columns.end(), {{"pattern", 26}, {"fit", 5}});
    columns.push_back({"entropy", 7});
    if (!analysis.cross)
        columns.insert(columns.end(), {{"distance", 8, &HeadAnalysis::mean_distance},
                                       {"self", 5, &HeadAnalysis::self},
                                       {"previous", 8, &HeadAnalysis::previous}});
    columns.insert(columns.end(), {{"sink", 5, &HeadAnalysis::sink}, {"punct", 5, &HeadAnalysis::punctuation}});
    if (analysis.cross)
        columns.insert(columns.end(), {{"alignment", 9, &HeadAnalysis::alignment}, {"coverage", 8, &HeadAnalysis::coverage}});
    else
        columns.push_back({"induction", 9, &HeadAnalysis::induction});

    std::string out;
    std::vector<std::string> titles;
    for (const Column& c : columns) titles.push_back(c.title);
    append_row(out, columns, titles);
    for (std::size_t l = 0; l < analysis.layers.size(); ++l) {
        const auto& heads = analysis.layers[l];
        for (std::size_t h = 0; h <= heads.size(); ++h) {
            // One line per head, then the layer's means over its heads.
            const bool mean = h == heads.size();
            if (mean && heads.size() == 1) continue;
            std::vector<std::string> cells;
            for (const Column& c : columns) {
                if (c.title == "layer") cells.push_back(std::to_string(l));
                else if (c.title == "head") cells.push_back(mean ? "mean" : std::to_string(h));
                else if (c.title == "pattern")
                    cells.push_back(mean ? "" : heads[h].pattern ? describe(*heads[h].pattern) : "-");
                else if (c.title == "fit")
                    cells.push_back(mean ? "" : heads[h].pattern && heads[h].pattern->fit ? fixed(*heads[h].pattern->fit, 2) : "-");
                else if (c.title == "entropy") {
                    double total = 0;
                    for (const HeadAnalysis& head : heads) total += head.entropy;
                    cells.push_back(fixed(mean ? total / static_cast<double>(heads.size()) : heads[h].entropy));
                } else {
                    cells.push_back(figure(mean ? layer_mean(heads, c.figure) : heads[h].*c.figure));
                }
            }
            append_row(out, columns, cells);
        }
    }
    out += "\nMost specialised heads";
    if (analysis.specialised.empty()) out += ": none (no head puts more than half its attention one way)\n";
    else out += " (role, score)\n";
    for (const Specialisation& s : analysis.specialised)
        out += "  L" + std::to_string(s.layer) + " H" + std::to_string(s.head) + "  " + s.role + "  " + fixed(s.score) + "\n";
    if (analysis.rollout.size() > 0 && static_cast<std::size_t>(analysis.rollout.rows()) == tokens.size())
        append_rollout(out, analysis.rollout, tokens);
    if (analysis.distance_profile.size() > 0) append_profile(out, analysis.distance_profile);
    return out;
}

}  // namespace attnreel::attention
