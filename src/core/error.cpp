#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

namespace attnreel {

std::string SourceMark::to_string() const {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        s.append(1, ':').append(std::to_string(line));
        if (column > 0) s.append(1, ':').append(std::to_string(column));
    }
    return s;
}

namespace {

// what() is a C string: a NUL byte the input put into the message (a value from a YAML
// "\0" escape) would end it there, so it is written as the two characters "\0".
std::string without_nul(std::string text) {
    for (std::size_t at = text.find('\0'); at != std::string::npos; at = text.find('\0', at + 2))
        text.replace(at, 1, "\\0");
    return text;
}

}  // namespace

InputError::InputError(SourceMark mark, const std::string& message)
    : std::runtime_error(without_nul(mark.to_string() + ": " + message)), mark_(std::move(mark)), message_(message) {}

OutputError output_error(const std::string& path, const std::string& doing, int errnum) {
    return OutputError(path + ": " + doing + ": " + std::strerror(errnum));
}

std::string number_text(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    char buffer[64];
    const double magnitude = std::fabs(value);
    // Plain digits from a millionth to a quadrillion; shortest round trip either way.
    const auto format = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15) ? std::chars_format::fixed
                                                                                  : std::chars_format::scientific;
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    if (ec != std::errc()) return "?";
    return std::string(buffer, end);
}

namespace {

constexpr std::size_t kLongestSuggestedWord = 64;

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates) {
    // A typo changes a few letters; beyond a third of the word it is a different word.
    const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
    // Each comparison costs the product of the two lengths: a word far longer than any
    // name (a 30k-character id against 100,000 ids) must not cost minutes to suggest for.
    if (word.size() > kLongestSuggestedWord) return {};
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto& c : candidates) {
        // The distance is at least the difference in length: no need to compute it then.
        const std::size_t length_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (length_gap > allowed) continue;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best_distance <= allowed ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string best = nearest_word(word, candidates);
    return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace attnreel
