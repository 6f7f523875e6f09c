#include "text/markup.hpp"

#include "core/error.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel::text {

namespace {

constexpr std::size_t kMaxDepth = 64;  // nesting; deeper is surely a mistake
constexpr std::size_t kMaxEntityLength = 10;  // "&#x10FFFF;" is the longest valid one

const std::vector<std::string> kTags = {"b", "i", "tt", "sub", "sup", "span"};
const std::vector<std::string> kSpanAttributes = {"color", "foreground", "fgcolor", "weight", "style", "font"};
const std::vector<std::string> kWeights = {"bold", "normal"};
const std::vector<std::string> kStyles = {"italic", "oblique", "normal"};
const std::vector<std::string> kFonts = {"mono", "monospace", "sans"};
const std::vector<std::string> kEntities = {"lt", "gt", "amp", "quot", "apos"};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

struct OpenTag {
    std::string name;
    std::size_t offset;  // of its '<'
    TextStyle style;     // inside it
};

class MarkupParser {
public:
    explicit MarkupParser(std::string_view source) : src_(source) {}

    StyledText run() {
        while (at_ < src_.size()) {
            const char c = src_[at_];
            if (c == '<' && at_ + 1 < src_.size() && src_[at_ + 1] == '/') close_tag();
            else if (c == '<') open_tag();
            else if (c == '&') entity();
            else append(std::string(1, c)), ++at_;
        }
        if (!open_.empty()) {
            const OpenTag& tag = open_.back();
            throw MarkupError(tag.offset, "'<" + tag.name + ">' is never closed; add '</" + tag.name + ">'");
        }
        return std::move(out_);
    }

private:
    const TextStyle& style() const {
        static const TextStyle plain;
        return open_.empty() ? plain : open_.back().style;
    }

    void append(const std::string& bytes) {
        const std::size_t begin = out_.text.size();
        out_.text += bytes;
        if (!out_.runs.empty() && out_.runs.back().style == style() && out_.runs.back().end == begin)
            out_.runs.back().end = out_.text.size();
        else out_.runs.push_back({begin, out_.text.size(), style()});
    }

    std::string name() {
        const std::size_t begin = at_;
        while (at_ < src_.size() && is_name_char(src_[at_])) ++at_;
        return std::string(src_.substr(begin, at_ - begin));
    }

    void skip_spaces() {
        while (at_ < src_.size() && is_space(src_[at_])) ++at_;
    }

    // Fails early, blaming the '<' at `tag_start`, when no '>' follows anywhere: a lone '<'
    // in text is likelier than a broken tag. The '>' itself is checked where the tag ends.
    void require_tag_end(std::size_t tag_start) const {
        if (src_.find('>', at_) == std::string_view::npos)
            throw MarkupError(tag_start, "'<' starts a tag that never ends with '>'; write &lt; for a '<'");
    }

    void check_known_tag(const std::string& tag, std::size_t offset, const std::string& written) const {
        if (std::find(kTags.begin(), kTags.end(), tag) != kTags.end()) return;
        // HTML's words for our tags, which edit distance would not find.
        static const std::vector<std::pair<std::string, std::string>> synonyms = {
            {"bold", "b"}, {"strong", "b"}, {"italic", "i"}, {"em", "i"}, {"code", "tt"}, {"mono", "tt"},
            {"subscript", "sub"}, {"superscript", "sup"}};
        std::string hint = did_you_mean(tag, kTags);
        for (const auto& [word, ours] : synonyms)
            if (word == tag) hint = "; did you mean '" + ours + "'?";
        throw MarkupError(offset, "unknown tag '" + written + "'" + hint + " (expected one of " + joined(kTags) + ")");
    }

    void close_tag() {
        const std::size_t start = at_;
        at_ += 2;
        require_tag_end(start);
        const std::string tag = name();
        skip_spaces();
        if (at_ >= src_.size() || src_[at_] != '>')
            throw MarkupError(at_, "expected '>' to end '</" + tag + "'");
        ++at_;
        check_known_tag(tag, start, "</" + tag + ">");
        if (open_.empty()) throw MarkupError(start, "'</" + tag + ">' closes a tag that was never opened");
        if (open_.back().name != tag)
            throw MarkupError(start, "'</" + tag + ">' does not match the open '<" + open_.back().name +
                                         ">'; close that first");
        open_.pop_back();
    }

    void open_tag() {
        const std::size_t start = at_;
        ++at_;
        require_tag_end(start);
        const std::string tag = name();
        if (tag.empty()) throw MarkupError(start, "'<' must start a tag such as <b>; write &lt; for a '<'");
        check_known_tag(tag, start, "<" + tag + ">");
        if (open_.size() >= kMaxDepth)
            throw MarkupError(start, "tags are nested more than " + std::to_string(kMaxDepth) + " deep");
        OpenTag open{tag, start, style()};
        if (tag == "b") open.style.bold = true;
        if (tag == "i") open.style.italic = true;
        if (tag == "tt") open.style.mono = true;
        if (tag == "sup") open.style.script += '^';
        if (tag == "sub") open.style.script += '_';
        std::vector<std::string> seen;
        for (;;) {
            skip_spaces();
            if (at_ >= src_.size()) throw MarkupError(start, "'<" + tag + "' never ends with '>'");
            if (src_[at_] == '>') break;
            if (src_[at_] == '/') throw MarkupError(at_, "self-closing tags such as <" + tag + "/> mean nothing here");
            attribute(open, seen);
        }
        ++at_;
        open_.push_back(std::move(open));
    }

    // name="value" or name='value' inside an opening tag.
    void attribute(OpenTag& open, std::vector<std::string>& seen) {
        const std::size_t name_at = at_;
        const std::string attr = name();
        if (attr.empty())
            throw MarkupError(at_, "expected an attribute or '>' in '<" + open.name + ">', found '" +
                                       std::string(1, src_[at_]) + "'");
        if (open.name != "span")
            throw MarkupError(name_at, "'<" + open.name + ">' takes no attributes; use <span " + attr + "=\"…\">");
        if (std::find(kSpanAttributes.begin(), kSpanAttributes.end(), attr) == kSpanAttributes.end())
            throw MarkupError(name_at, "unknown attribute '" + attr + "' of <span>" +
                                           did_you_mean(attr, kSpanAttributes) + " (expected color, weight, style or font)");
        const std::string key = attr == "foreground" || attr == "fgcolor" ? "color" : attr;
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            throw MarkupError(name_at, "<span> sets '" + key + "' twice");
        seen.push_back(key);
        skip_spaces();
        if (at_ >= src_.size() || src_[at_] != '=') throw MarkupError(at_, "expected '=' after '" + attr + "'");
        ++at_;
        skip_spaces();
        if (at_ >= src_.size() || (src_[at_] != '"' && src_[at_] != '\''))
            throw MarkupError(at_, "the value of '" + attr + "' must be in quotes: " + attr + "=\"…\"");
        const char quote = src_[at_];
        const std::size_t value_at = at_ + 1;
        const std::size_t close = src_.find(quote, value_at);
        if (close == std::string_view::npos) throw MarkupError(at_, "the value of '" + attr + "' has no closing quote");
        const std::string value(src_.substr(value_at, close - value_at));
        at_ = close + 1;
        apply(open.style, key, value, value_at);
    }

    static void apply(TextStyle& style, const std::string& key, const std::string& value, std::size_t value_at) {
        const auto choose = [&](const std::vector<std::string>& allowed) {
            if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
            throw MarkupError(value_at, "unknown " + key + " '" + value + "'" + did_you_mean(value, allowed) +
                                            " (expected one of " + joined(allowed) + ")");
        };
        if (key == "color") {
            if (const auto c = parse_color(value)) {
                style.color = *c;
                return;
            }
            if (!value.empty() && value[0] == '#')
                throw MarkupError(value_at, "'" + value + "' is not a colour: use #rrggbb or #rrggbbaa");
            throw MarkupError(value_at, "unknown colour '" + value + "'" + did_you_mean(value, color_names()));
        }
        if (key == "weight") {
            choose(kWeights);
            style.bold = value == "bold";
        } else if (key == "style") {
            choose(kStyles);
            style.italic = value != "normal";
        } else {
            choose(kFonts);
            style.mono = value != "sans";
        }
    }

    void entity() {
        const std::size_t start = at_;
        const std::size_t semicolon = src_.find(';', start);
        const std::string_view body = semicolon == std::string_view::npos || semicolon - start > kMaxEntityLength
                                          ? std::string_view{}
                                          : src_.substr(start + 1, semicolon - start - 1);
        const bool looks_like_entity =
            !body.empty() && std::all_of(body.begin(), body.end(), [](char c) { return is_name_char(c) || c == '#'; });
        if (!looks_like_entity)
            throw MarkupError(start, "'&' starts an entity such as &amp; or &lt;; write &amp; for a '&'");
        at_ = semicolon + 1;
        const std::string name(body);
        if (name == "lt") return append("<");
        if (name == "gt") return append(">");
        if (name == "amp") return append("&");
        if (name == "quot") return append("\"");
        if (name == "apos") return append("'");
        if (name[0] == '#') return append(numeric_entity(name, start));
        throw MarkupError(start, "unknown entity '&" + name + ";'" + did_you_mean(name, kEntities) +
                                     " (expected &lt; &gt; &amp; &quot; &apos; or &#N;)");
    }

    static std::string numeric_entity(const std::string& name, std::size_t start) {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string digits = name.substr(hex ? 2 : 1);
        unsigned long value = 0;
        bool valid = !digits.empty();
        for (char c : digits) {
            const int d = std::isdigit(static_cast<unsigned char>(c))               ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                                   : -1;
            if (d < 0) valid = false;
            else value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        }
        if (!valid || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            throw MarkupError(start, "'&" + name + ";' is not a character (use &#N; or &#xH; with a Unicode value)");
        return encode_utf8(static_cast<char32_t>(value));
    }

    std::string_view src_;
    std::size_t at_ = 0;
    std::vector<OpenTag> open_;
    StyledText out_;
};

}  // namespace

StyledText parse_markup(std::string_view source) {
    if (source.find_first_of("<&") == std::string_view::npos) {
        StyledText plain{std::string(source), {}};
        if (!source.empty()) plain.runs.push_back({0, source.size(), {}});
        return plain;
    }
    return MarkupParser(source).run();
}

}  // namespace attnreel::text
