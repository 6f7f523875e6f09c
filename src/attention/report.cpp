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

std::string analysis_table(const ModelAnalysis& analysis, const std::vector<std::string>& tokens) {
    const std::vector<std::pair<std::string, std::size_t>> columns = {
        {"layer", 5}, {"head", 4},  {"pattern", 26}, {"fit", 5},  {"entropy", 7},
        {"distance", 8}, {"self", 5}, {"previous", 8}, {"sink", 5}, {"induction", 9}};
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c)
        out += (c ? "  " : "") + fit_width(columns[c].first, columns[c].second, c != 2);
    out += '\n';
    for (std::size_t l = 0; l < analysis.layers.size(); ++l) {
        for (std::size_t h = 0; h < analysis.layers[l].size(); ++h) {
            const HeadAnalysis& head = analysis.layers[l][h];
            const std::string pattern = head.pattern ? describe(*head.pattern) : "-";
            const std::string fit = head.pattern && head.pattern->fit ? fixed(*head.pattern->fit, 2) : "-";
            const std::vector<std::string> cells = {
                std::to_string(l),          std::to_string(h),         pattern,
                fit,                        fixed(head.entropy),       fixed(head.mean_distance),
                fixed(head.self),           fixed(head.previous),      fixed(head.sink),
                head.induction ? fixed(*head.induction) : "-"};
            for (std::size_t c = 0; c < cells.size(); ++c)
                out += (c ? "  " : "") + fit_width(cells[c], columns[c].second, c != 2);
            out += '\n';
        }
    }
    if (analysis.rollout.size() > 0 && static_cast<std::size_t>(analysis.rollout.rows()) == tokens.size())
        append_rollout(out, analysis.rollout, tokens);
    return out;
}

}  // namespace attnreel::attention
