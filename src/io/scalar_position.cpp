#include "io/scalar_position.hpp"

#include <vector>

namespace attnreel {

namespace {

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// A plain scalar on one line is its value, byte for byte.
std::optional<std::size_t> in_plain(std::string_view text, std::size_t start, std::string_view value,
                                     std::size_t offset) {
    if (text.substr(start, value.size()) != value) return std::nullopt;
    if (value.find_first_of("\r\n") != std::string_view::npos) return std::nullopt;
    return start + offset;
}

// 'it''s': a doubled quote in the file is one quote in the value.
std::optional<std::size_t> in_single_quoted(std::string_view text, std::size_t start, std::string_view value,
                                            std::size_t offset) {
    std::size_t at = start + 1;
    std::optional<std::size_t> found;
    for (std::size_t v = 0; v < value.size(); ++v) {
        if (v == offset) found = at;
        if (at >= text.size() || is_line_end(text[at])) return std::nullopt;  // folded over lines
        if (text[at] == '\'') {
            if (value[v] != '\'' || at + 1 >= text.size() || text[at + 1] != '\'') return std::nullopt;
            at += 2;
        } else {
            if (text[at] != value[v]) return std::nullopt;
            ++at;
        }
    }
    if (at >= text.size() || text[at] != '\'') return std::nullopt;  // the value did not end at the quote
    return found ? found : at;
}

// The lines of `text` from byte `from` on, without their line breaks.
struct Line {
    std::size_t begin;
    std::string_view content;
};
std::vector<Line> lines_from(std::string_view text, std::size_t from, std::size_t max_lines) {
    std::vector<Line> lines;
    while (from <= text.size() && lines.size() < max_lines) {
        std::size_t end = text.find('\n', from);
        if (end == std::string_view::npos) end = text.size();
        std::string_view content = text.substr(from, end - from);
        if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
        lines.push_back({from, content});
        if (end == text.size()) break;
        from = end + 1;
    }
    return lines;
}

// |, |-, |+ and a body indented by its first non-blank line: value line k is file line k
// after the header with the indentation removed.
std::optional<std::size_t> in_literal_block(std::string_view text, std::size_t start, std::string_view value,
                                            std::size_t offset) {
    if (offset == value.size() && !value.empty() && value.back() == '\n') --offset;  // the end of the last line
    const std::size_t header_end = text.find('\n', start);
    if (header_end == std::string_view::npos) return std::nullopt;
    const std::string_view header = text.substr(start + 1, header_end - start - 1);
    for (char c : header) {
        if (c == '#') break;                           // a comment ends the header
        if (c >= '1' && c <= '9') return std::nullopt;  // explicit indentation: relative to a parent we do not know
    }

    std::vector<std::string_view> value_lines;
    for (std::size_t from = 0;;) {
        const std::size_t end = value.find('\n', from);
        value_lines.push_back(value.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
        if (end == std::string_view::npos) break;
        from = end + 1;
    }
    const std::vector<Line> lines = lines_from(text, header_end + 1, value_lines.size());

    std::size_t indent = std::string_view::npos;
    for (const Line& l : lines) {
        const std::size_t first = l.content.find_first_not_of(' ');
        if (first != std::string_view::npos) {
            indent = first;
            break;
        }
    }
    if (indent == std::string_view::npos || indent == 0) return std::nullopt;

    std::optional<std::size_t> found;
    std::size_t line_start = 0;  // of the current value line, in the value
    for (std::size_t k = 0; k < value_lines.size(); ++k) {
        const std::string_view want = value_lines[k];
        const bool last_after_break = k + 1 == value_lines.size() && want.empty() && k > 0;
        if (last_after_break) break;  // what follows the value's final line break is not in the block
        if (k >= lines.size()) return std::nullopt;
        const std::string_view have = lines[k].content;
        if (want.empty()) {
            if (have.find_first_not_of(' ') != std::string_view::npos && have.size() > indent) return std::nullopt;
        } else if (have.size() < indent || have.substr(0, indent).find_first_not_of(' ') != std::string_view::npos ||
                   have.substr(indent) != want) {
            return std::nullopt;
        }
        if (!found && offset >= line_start && offset <= line_start + want.size())
            found = lines[k].begin + std::min(indent, have.size()) + (offset - line_start);
        line_start += want.size() + 1;
    }
    return found;
}

}  // namespace

std::optional<std::size_t> scalar_byte_in_file(std::string_view file_text, std::size_t start,
                                               std::string_view value, std::size_t offset) {
    if (start >= file_text.size() || offset > value.size()) return std::nullopt;
    switch (file_text[start]) {
    case '\'': return in_single_quoted(file_text, start, value, offset);
    case '|': return in_literal_block(file_text, start, value, offset);
    case '"':  // escapes: not mapped
    case '>':  // folded: line breaks became spaces
    case '&':  // an anchor or a tag before the value
    case '!': return std::nullopt;
    default: return in_plain(file_text, start, value, offset);
    }
}

}  // namespace attnreel
