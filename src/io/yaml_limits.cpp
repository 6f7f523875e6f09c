#include "io/yaml_limits.hpp"

#include "core/error.hpp"
#include "core/limits.hpp"
#include "text/utf8.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace attnreel {

namespace {

std::string nesting_message() {
    return "lists and maps are nested more than " + std::to_string(limits::yaml_depth) + " levels deep";
}

// 1-based line and byte column of `offset`, as yaml-cpp counts them.
SourceMark mark_of_offset(const std::string& text, std::size_t offset, const std::string& file) {
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const auto line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    const std::size_t column = line_start == std::string::npos || offset == 0 ? offset : offset - line_start - 1;
    return {file, line, static_cast<int>(column) + 1};
}

// A scene file is UTF-8 text: an invalid byte or a NUL is reported where it is, before
// yaml-cpp (which would guess another encoding, or stop at the NUL) sees it.
void check_encoding(const std::string& text, const std::string& file) {
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\0') throw InputError(mark_of_offset(text, i, file), "a NUL byte; a scene file is UTF-8 text");
        const auto sequence = text::decode_utf8_at(text, i);
        if (!sequence) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[i]));
            throw InputError(mark_of_offset(text, i, file),
                             std::string("invalid UTF-8 (byte ") + byte + "); a scene file is UTF-8 text");
        }
        i += sequence->length;
    }
}

// Deepest nesting of [ and { outside quotes, found before yaml-cpp's parser, which
// recurses once per level, descends into it.
void check_flow_depth(const std::string& text, const std::string& file) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '\n') quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if ((c == '[' || c == '{') && ++depth > limits::yaml_depth)
            throw InputError(mark_of_offset(text, i, file), nesting_message());
        else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
}

// Counts nodes as the loader will meet them: an alias counts as many nodes as the node it
// names. Anchors are numbered by the parser, one number per anchor in the document.
class NodeCounter final : public YAML::EventHandler {
public:
    explicit NodeCounter(std::string file) : file_(std::move(file)) {}

    const YAML::Mark& start() const { return start_; }

    void OnDocumentStart(const YAML::Mark& mark) override { start_ = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor, {1, 0}); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string& value) override {
        leaf(mark, anchor, {1, value.size()});
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto size = sizes_.find(anchor);
        if (size == sizes_.end())  // still open: the alias is inside the node it names
            throw InputError(mark_of(mark), "this alias is inside the node it names, which would make it endless");
        leaf(mark, 0, size->second);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

    SourceMark mark_of(const YAML::Mark& m) const {
        return m.is_null() ? SourceMark{file_} : SourceMark{file_, m.line + 1, m.column + 1};
    }

private:
    struct Size {
        std::size_t nodes;  // values, this one included
        std::size_t bytes;  // of the scalars among them
    };
    struct Open {
        YAML::anchor_t anchor;
        Size size;  // itself and everything inside so far
    };

    // Every value is added to the total once, as the parser meets it: a scalar, a list or a
    // map (without what it holds, which comes after), an alias as all it names.
    void count(const YAML::Mark& mark, Size size) {
        total_.nodes += size.nodes;
        total_.bytes += size.bytes;
        if (total_.nodes > limits::yaml_nodes)
            throw InputError(mark_of(mark), "the file has more than " + std::to_string(limits::yaml_nodes) +
                                                " values once its aliases are expanded; that is the limit");
        if (total_.bytes > limits::yaml_text_bytes)
            throw InputError(mark_of(mark), "the file's text is more than " + std::to_string(limits::yaml_text_bytes) +
                                                " bytes once its aliases are expanded; that is the limit");
    }

    // The innermost open list or map grows by `size`: what an alias to it will repeat.
    void add_to_parent(Size size) {
        if (open_.empty()) return;
        open_.back().size.nodes += size.nodes;
        open_.back().size.bytes += size.bytes;
    }

    void leaf(const YAML::Mark& mark, YAML::anchor_t anchor, Size size) {
        count(mark, size);
        add_to_parent(size);
        if (anchor != YAML::NullAnchor) sizes_[anchor] = size;
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (static_cast<int>(open_.size()) >= limits::yaml_depth) throw InputError(mark_of(mark), nesting_message());
        count(mark, {1, 0});
        open_.push_back({anchor, {1, 0}});
    }

    // What the closed node holds is in the total already; its parent learns its size.
    void close() {
        const Open done = open_.back();
        open_.pop_back();
        add_to_parent(done.size);
        if (done.anchor != YAML::NullAnchor) sizes_[done.anchor] = done.size;
    }

    std::string file_;
    YAML::Mark start_ = YAML::Mark::null_mark();
    std::vector<Open> open_;
    std::unordered_map<YAML::anchor_t, Size> sizes_;  // of closed anchored nodes
    Size total_{0, 0};
};

}  // namespace

void check_yaml_limits(const std::string& text, const std::string& file) {
    check_encoding(text, file);
    check_flow_depth(text, file);
    std::istringstream in(text);
    try {
        YAML::Parser parser(in);
        NodeCounter counter(file);
        parser.HandleNextDocument(counter);
        NodeCounter rest(file);
        if (parser.HandleNextDocument(rest))
            throw InputError(rest.mark_of(rest.start()), "a second YAML document begins here; a scene file holds one");
    } catch (const YAML::DeepRecursion& e) {
        // Block nesting deeper than yaml-cpp's own guard: the same limit, in the same words.
        throw InputError(e.mark.is_null() ? SourceMark{file} : SourceMark{file, e.mark.line + 1, e.mark.column + 1},
                         nesting_message());
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        const int col = e.mark.is_null() ? 0 : e.mark.column + 1;
        throw InputError({file, line, col}, "invalid YAML: " + e.msg);
    }
}

}  // namespace attnreel
