#include "attention/model_path.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel::attention {

const std::vector<std::string>& model_items() {
    static const std::vector<std::string> names = {
        "embeddings", "positions", "inputs", "key_embeddings", "key_positions", "key_inputs", "rollout",
        "prediction", "target",    "loss",   "loss_curve",     "readout",       "readout_bias"};
    return names;
}

const std::vector<std::string>& layer_items() {
    static const std::vector<std::string> names = {"W_Q",    "W_K",    "W_V",       "W_O",  "input",  "concat",
                                                   "attention_output", "output", "head_mean", "rollout"};
    return names;
}

const std::vector<std::string>& head_items() {
    static const std::vector<std::string> names = {"weights", "mask",   "q",   "k",   "v",  "scores",
                                                   "scaled_scores", "output", "W_Q", "W_K", "W_V"};
    return names;
}

const std::vector<std::string>& analysis_items() {
    static const std::vector<std::string> names = {"entropy_by_layer", "distance_profile"};
    return names;
}

const std::vector<std::string>& layer_metrics() {
    static const std::vector<std::string> names = {"entropy", "mean_distance", "self",      "previous", "sink",
                                                   "punctuation", "induction",  "alignment", "coverage"};
    return names;
}

const std::vector<std::string>& head_metrics() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n = layer_metrics();
        n.push_back("pattern");
        n.push_back("fit");
        return n;
    }();
    return names;
}

std::string ModelPath::model_text() const {
    std::string text = named ? "models." + model : "model";
    if (step) text += ".step[" + std::to_string(*step) + "]";
    return text;
}

namespace {

// One dotted component: a name and the bracket groups that follow it ("head[1]",
// "weights[2][3]", "rows[1:3]"), or bracket groups alone after another component.
struct Bracket {
    std::optional<std::size_t> first, last;  // [i]: first; [a:b]: either may be missing
    bool range = false;
    std::size_t offset = 0;
};
struct Component {
    std::string name;
    std::vector<Bracket> brackets;
    std::size_t offset = 0;
};

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    std::vector<Component> components() {
        std::vector<Component> result;
        while (true) {
            Component c;
            c.offset = at_;
            if (at_ >= text_.size() || !is_name_start(text_[at_]))
                fail(at_ >= text_.size() ? "the path ends where a name was expected"
                                         : "expected a name here, found '" + std::string(1, text_[at_]) + "'");
            while (at_ < text_.size() && is_name_char(text_[at_])) c.name += text_[at_++];
            while (at_ < text_.size() && text_[at_] == '[') c.brackets.push_back(bracket());
            result.push_back(std::move(c));
            if (at_ == text_.size()) return result;
            if (text_[at_] != '.')
                fail("expected '.' or '[' after '" + std::string(text_.substr(0, at_)) + "', found '" +
                     std::string(1, text_[at_]) + "'");
            ++at_;
        }
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw PathError(at_, message); }

    std::optional<std::size_t> number() {
        if (at_ >= text_.size() || !is_digit(text_[at_])) return std::nullopt;
        std::size_t value = 0;
        while (at_ < text_.size() && is_digit(text_[at_])) {
            if (value > 99'999'999) fail("the index is too large");
            value = value * 10 + static_cast<std::size_t>(text_[at_++] - '0');
        }
        return value;
    }

    Bracket bracket() {
        Bracket b;
        b.offset = at_++;  // '['
        b.first = number();
        if (at_ < text_.size() && text_[at_] == ':') {
            ++at_;
            b.range = true;
            b.last = number();
        } else if (!b.first) {
            fail(at_ < text_.size() && text_[at_] == '-' ? "indices count from 0 and cannot be negative"
                                                         : "expected an index (a whole number) after '['");
        }
        if (at_ >= text_.size() || text_[at_] != ']') fail("expected ']' to close the '['");
        ++at_;
        return b;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

std::string join(const std::vector<std::string>& names, const std::string& prefix) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ", ") + prefix + n;
    return text;
}

// Reads the components against the grammar, one level at a time.
class Interpreter {
public:
    Interpreter(std::string_view text, std::vector<Component> parts) : text_(text), parts_(std::move(parts)) {}

    ModelPath run() {
        source();
        if (path_.analysis) analysis();
        else model();
        return std::move(path_);
    }

private:
    [[noreturn]] void fail(std::size_t offset, const std::string& message) const { throw PathError(offset, message); }

    bool more() const { return next_ < parts_.size(); }
    const Component& peek() const { return parts_[next_]; }
    // The text written before component `i`, without the trailing '.'.
    std::string before(std::size_t i) const {
        return i < parts_.size() ? std::string(text_.substr(0, parts_[i].offset - 1)) : std::string(text_);
    }

    // "unknown name 'scroes' in model.layer[0].head[1]; did you mean 'model.layer[0].head[1].scores'?
    // (valid here: ...)"
    [[noreturn]] void unknown(const Component& c, const std::vector<std::string>& valid) const {
        const std::string prefix = before(next_) + ".";
        std::vector<std::string> full;
        for (const auto& v : valid) full.push_back(prefix + v);
        // Compare the bare words ("layer" of "layer[L]"), suggest the full form.
        std::vector<std::string> words;
        for (const auto& v : valid) words.push_back(v.substr(0, v.find('[')));
        const std::string word = nearest_word(c.name, words);
        std::string nearest;
        for (std::size_t i = 0; i < valid.size(); ++i)
            if (!word.empty() && words[i] == word && nearest.empty()) nearest = valid[i];
        std::string message = "unknown name '" + c.name + "' after '" + before(next_) + "'";
        if (!nearest.empty()) message += "; did you mean '" + prefix + nearest + "'?";
        message += " (valid here: " + join(valid, prefix) + ")";
        fail(c.offset, message);
    }

    // name[i] with exactly one index: the value of i.
    std::size_t single_index(const Component& c, const char* what) const {
        if (c.brackets.empty()) fail(c.offset + c.name.size(), "'" + c.name + "' needs " + what + ": " + c.name + "[0]");
        const Bracket& b = c.brackets.front();
        if (b.range) fail(b.offset, "'" + c.name + "' takes one index, not a range");
        return *b.first;
    }

    void no_brackets(const Component& c) const {
        if (!c.brackets.empty())
            fail(c.brackets.front().offset, "'" + c.name + "' takes no index here");
    }

    void source() {
        const Component& c = parts_[next_++];
        path_.model_offset = c.offset;
        if (c.name == "model") {
            no_brackets(c);
        } else if (c.name == "analysis") {
            no_brackets(c);
            path_.analysis = true;
        } else if (c.name == "models") {
            no_brackets(c);
            if (!more())
                fail(text_.size(), "'models' needs the name of a model from the data block: models.NAME.…");
            const Component& name = parts_[next_++];
            no_brackets(name);
            path_.named = true;
            path_.model = name.name;
        } else {
            const std::vector<std::string> roots = {"model", "models", "analysis"};
            fail(c.offset, "a model path starts with model, models.NAME or analysis, not '" + c.name + "'" +
                               did_you_mean(c.name, roots));
        }
        // model.step[k]: a training checkpoint, then the usual paths.
        if (!path_.analysis && more() && peek().name == "step") {
            const Component& s = parts_[next_++];
            path_.step_offset = s.offset;
            path_.step = single_index(s, "a training step");
            if (s.brackets.size() > 1) fail(s.brackets[1].offset, "'step[k]' is followed by '.' and a name");
        }
    }

    std::vector<std::string> with(std::vector<std::string> names, std::initializer_list<const char*> extra) const {
        for (const char* e : extra) names.insert(names.begin(), e);
        return names;
    }

    void model() {
        const std::vector<std::string> valid = with(model_items(), {"analysis", "layer[L]"});
        if (!more())
            fail(text_.size(), "'" + std::string(text_) + "' names a whole model; add one of " + join(valid, "."));
        const Component& c = peek();
        if (c.name == "layer") {
            path_.layer_offset = c.offset;
            path_.layer = single_index(c, "a layer index");
            extra_brackets_are_errors(c);
            ++next_;
            return layer();
        }
        if (c.name == "analysis") {
            no_brackets(c);
            ++next_;
            path_.analysis = true;
            return analysis();
        }
        if (std::find(model_items().begin(), model_items().end(), c.name) == model_items().end())
            unknown(c, valid);
        item(c, 0);
    }

    void extra_brackets_are_errors(const Component& c) const {
        if (c.brackets.size() > 1)
            fail(c.brackets[1].offset, "after '" + c.name + "[" + std::to_string(*c.brackets[0].first) +
                                           "]' comes '.' and a name");
    }

    void layer() {
        const std::vector<std::string> valid = with(layer_items(), {"head[H]"});
        if (!more())
            fail(text_.size(), "'" + std::string(text_) + "' names a whole layer; add one of " + join(valid, "."));
        const Component& c = peek();
        if (c.name == "head") {
            path_.head_offset = c.offset;
            path_.head = single_index(c, "a head index");
            ++next_;
            return head(c);
        }
        if (std::find(layer_items().begin(), layer_items().end(), c.name) == layer_items().end()) unknown(c, valid);
        item(c, 0);
    }

    void head(const Component& head_component) {
        // model.layer[0].head[1] alone, or with element indices, is the head's weights.
        if (!more() || head_component.brackets.size() > 1 || is_slice_name(peek().name)) {
            path_.item = "weights";
            path_.item_offset = head_component.offset;
            slices(head_component, 1);
            return;
        }
        const Component& c = peek();
        if (std::find(head_items().begin(), head_items().end(), c.name) == head_items().end())
            unknown(c, head_items());
        item(c, 0);
    }

    void analysis() {
        const std::vector<std::string> valid = with(analysis_items(), {"layer[L]"});
        if (!more())
            fail(text_.size(), "'" + std::string(text_) + "' needs a figure; add one of " + join(valid, "."));
        const Component& c = peek();
        if (c.name == "layer") {
            path_.layer_offset = c.offset;
            path_.layer = single_index(c, "a layer index");
            extra_brackets_are_errors(c);
            ++next_;
            return analysis_layer();
        }
        if (std::find(analysis_items().begin(), analysis_items().end(), c.name) == analysis_items().end())
            unknown(c, valid);
        item(c, 0);
    }

    void analysis_layer() {
        const std::vector<std::string> valid = with(layer_metrics(), {"head[H]"});
        if (!more()) fail(text_.size(), "'" + std::string(text_) + "' needs a figure; add one of " + join(valid, "."));
        const Component& c = peek();
        if (c.name == "head") {
            path_.head_offset = c.offset;
            path_.head = single_index(c, "a head index");
            extra_brackets_are_errors(c);
            ++next_;
            if (!more())
                fail(text_.size(), "'" + std::string(text_) + "' needs a figure; add one of " + join(head_metrics(), "."));
            const Component& m = peek();
            if (std::find(head_metrics().begin(), head_metrics().end(), m.name) == head_metrics().end())
                unknown(m, head_metrics());
            return item(m, 0);
        }
        if (std::find(layer_metrics().begin(), layer_metrics().end(), c.name) == layer_metrics().end())
            unknown(c, valid);
        item(c, 0);
    }

    // The named item, then every slice after it.
    void item(const Component& c, std::size_t first_bracket) {
        path_.item = c.name;
        path_.item_offset = c.offset;
        ++next_;
        slices(c, first_bracket);
    }

    static bool is_slice_name(const std::string& name) {
        return name == "row" || name == "column" || name == "rows" || name == "columns" || name == "transpose";
    }

    static void add_bracket(std::vector<PathSlice>& out, const Bracket& b) {
        PathSlice s;
        s.offset = b.offset;
        s.kind = b.range ? PathSlice::Kind::range : PathSlice::Kind::index;
        s.first = b.first.value_or(0);
        s.last = b.range ? b.last : std::nullopt;
        out.push_back(s);
    }

    // Bracket groups of component `c` from `first_bracket` on, then every slice component.
    void slices(const Component& c, std::size_t first_bracket) {
        for (std::size_t b = first_bracket; b < c.brackets.size(); ++b) add_bracket(path_.slices, c.brackets[b]);
        const std::vector<std::string> valid = {"row[i]", "column[j]", "rows[a:b]", "columns[a:b]", "transpose"};
        while (more()) {
            const Component& s = parts_[next_];
            if (!is_slice_name(s.name)) {
                std::vector<std::string> names = {"row", "column", "rows", "columns", "transpose"};
                const std::string nearest = nearest_word(s.name, names);
                std::string message = "'" + before(next_) + "' is a single value, vector or matrix: after it come only " +
                                      join(valid, ".") + " or [i]";
                if (!nearest.empty()) message = "unknown name '" + s.name + "'; did you mean '" + before(next_) + "." +
                                                nearest + (nearest == "transpose" ? "" : "[…]") + "'? (" + message + ")";
                fail(s.offset, message);
            }
            PathSlice slice;
            slice.offset = s.offset;
            std::size_t first = 0;
            if (s.name == "transpose") {
                slice.kind = PathSlice::Kind::transpose;
            } else if (s.name == "row" || s.name == "column") {
                slice.kind = s.name == "row" ? PathSlice::Kind::row : PathSlice::Kind::column;
                if (s.brackets.empty()) fail(s.offset + s.name.size(), "'" + s.name + "' needs an index: " + s.name + "[0]");
                if (s.brackets[0].range)
                    fail(s.brackets[0].offset, "'" + s.name + "' takes one index; for several write " + s.name + "s[a:b]");
                slice.first = *s.brackets[0].first;
                first = 1;
            } else {
                slice.kind = s.name == "rows" ? PathSlice::Kind::rows : PathSlice::Kind::columns;
                if (s.brackets.empty() || !s.brackets[0].range)
                    fail(s.brackets.empty() ? s.offset + s.name.size() : s.brackets[0].offset,
                         "'" + s.name + "' takes a range: " + s.name + "[a:b] (rows a to b−1; either end may be left out)");
                slice.first = s.brackets[0].first.value_or(0);
                slice.last = s.brackets[0].last;
                first = 1;
            }
            if (slice.last && *slice.last <= slice.first)
                fail(s.brackets[0].offset, "the range [" + std::to_string(slice.first) + ":" +
                                               std::to_string(*slice.last) + "] is empty; write [a:b] with a < b");
            path_.slices.push_back(slice);
            for (std::size_t b = first; b < s.brackets.size(); ++b) add_bracket(path_.slices, s.brackets[b]);
            ++next_;
        }
        for (const PathSlice& s : path_.slices)
            if (s.kind == PathSlice::Kind::range && s.last && *s.last <= s.first)
                fail(s.offset, "the range [" + std::to_string(s.first) + ":" + std::to_string(*s.last) +
                                   "] is empty; write [a:b] with a < b");
    }

    std::string_view text_;
    std::vector<Component> parts_;
    std::size_t next_ = 0;
    ModelPath path_;
};

}  // namespace

ModelPath parse_model_path(std::string_view text) {
    if (text.empty()) throw PathError(0, "the model path is empty");
    if (text.size() > kMaxPathLength)
        throw PathError(kMaxPathLength, "the model path is longer than " + std::to_string(kMaxPathLength) + " bytes");
    return Interpreter(text, Lexer(text).components()).run();
}

std::string to_string(const ModelPath& path) {
    // Appends piece by piece ("[" + std::to_string(n) trips GCC 12's -Wrestrict).
    const auto bracket = [](std::string& text, const std::string& name, const std::string& inside) {
        text.append(name).append("[").append(inside).append("]");
    };
    std::string text = path.analysis && !path.named && !path.step ? "analysis" : path.model_text();
    if (path.analysis && (path.named || path.step)) text += ".analysis";
    if (path.layer) bracket(text, ".layer", std::to_string(*path.layer));
    if (path.head) bracket(text, ".head", std::to_string(*path.head));
    text.append(".").append(path.item);
    for (const PathSlice& s : path.slices) {
        std::string range = std::to_string(s.first);
        range.append(":").append(s.last ? std::to_string(*s.last) : "");
        switch (s.kind) {
            case PathSlice::Kind::row: bracket(text, ".row", std::to_string(s.first)); break;
            case PathSlice::Kind::column: bracket(text, ".column", std::to_string(s.first)); break;
            case PathSlice::Kind::rows: bracket(text, ".rows", range); break;
            case PathSlice::Kind::columns: bracket(text, ".columns", range); break;
            case PathSlice::Kind::transpose: text.append(".transpose"); break;
            case PathSlice::Kind::index: bracket(text, "", std::to_string(s.first)); break;
            case PathSlice::Kind::range: bracket(text, "", range); break;
        }
    }
    return text;
}

bool starts_like_model_path(std::string_view text) {
    const std::size_t end = std::min(text.find('.'), text.find('['));
    const std::string_view first = text.substr(0, end);
    return first == "model" || first == "models" || first == "analysis";
}

}  // namespace attnreel::attention
