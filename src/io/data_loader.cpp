#include "io/data_loader.hpp"

#include "attention/masks.hpp"
#include "attention/model_path.hpp"
#include "io/model_weights_loader.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace attnreel {

namespace {

using attention::ModelBlock;

attention::MaskSpec load_mask(const YamlReader& in, const YAML::Node& node) {
    attention::MaskSpec mask;
    const YAML::Node kind = node.IsMap() ? in.required(node, "kind", "mask") : node;
    if (node.IsMap()) in.only_keys(node, {"kind", "window", "global", "padding"}, "mask");
    try {
        mask.kind = attention::parse_mask_kind(in.string(kind, "mask"));
    } catch (const InputError& e) {
        in.fail(kind, e.message());
    }
    if (!node.IsMap()) return mask;
    if (node["window"]) mask.window = in.integer(node["window"], "window", 1, 512);
    for (const char* key : {"global", "padding"})
        if (node[key])
            for (const auto& i : in.list(node[key], key, 512))
                (std::string(key) == "global" ? mask.global : mask.padding).push_back(in.integer(i, key, 0, 511));
    return mask;
}

std::vector<std::string> load_sequence(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    std::vector<std::string> tokens;
    for (const auto& t : in.list(node, what, attention::ModelLimits::max_tokens)) tokens.push_back(in.string(t, what));
    if (tokens.empty()) in.fail(node, "'" + what + "' needs at least one token");
    return tokens;
}

// The token sequences of a map that may hold tokens, or queries and keys.
struct Sequences {
    std::vector<std::string> tokens, queries, keys;
    YAML::Node cross_node;  // where queries/keys were written, for errors
};

Sequences load_sequences(const YamlReader& in, const YAML::Node& m) {
    Sequences s;
    if (m["tokens"]) s.tokens = load_sequence(in, m["tokens"], "tokens");
    if (m["queries"]) s.queries = load_sequence(in, m["queries"], "queries");
    if (m["keys"]) s.keys = load_sequence(in, m["keys"], "keys");
    if (m["queries"] || m["keys"]) {
        const char* given = m["queries"] ? "queries" : "keys";
        const char* missing = m["queries"] ? "keys" : "queries";
        s.cross_node = in.key_node(m, given);
        if (!m[missing])
            in.fail(s.cross_node, std::string("'") + given + "' needs '" + missing +
                                      "' beside it: cross-attention takes its queries from one sequence and its keys "
                                      "and values from another");
    }
    return s;
}

const std::vector<std::string> kCommonKeys = {"tokens", "queries", "keys", "layers", "heads", "seed", "mask"};
const std::vector<std::string> kComputedKeys = {"d_model",    "positional", "scale",          "layer_norm", "residual",
                                                "embeddings", "inputs",     "key_embeddings", "key_inputs", "W_Q",
                                                "W_K",        "W_V",        "W_O",        "train"};
const std::vector<std::string> kSyntheticKeys = {"synthetic", "window"};
const std::vector<std::string> kFileKeys = {"weights"};

std::vector<std::string> all_model_keys() {
    std::vector<std::string> keys = kCommonKeys;
    for (const auto* list : {&kComputedKeys, &kSyntheticKeys, &kFileKeys}) keys.insert(keys.end(), list->begin(), list->end());
    return keys;
}

// Each kind of model takes its own keys; one meant for another kind is a mistake.
void reject(const YamlReader& in, const YAML::Node& model, const std::vector<std::string>& keys,
            const std::string& kind_name, const std::string& why = "") {
    for (const auto& key : keys)
        if (model[key]) in.fail(in.key_node(model, key), "'" + key + "' does not apply to " + kind_name + why);
}

// "previous", "sink", "offset", "punctuation" stand for the patterns' full names.
attention::HeadPattern pattern_named(const YamlReader& in, const YAML::Node& node, const std::string& name) {
    static const std::vector<std::pair<std::string, std::string>> aliases = {
        {"previous", "previous_token"}, {"sink", "first_token_sink"}, {"first_token", "first_token_sink"},
        {"offset", "positional_offset"}, {"punctuation", "punctuation_sink"}};
    std::vector<std::string> known = attention::head_pattern_names();
    std::string full = name;
    for (const auto& [alias, target] : aliases) {
        known.push_back(alias);
        if (name == alias) full = target;
    }
    const auto& names = attention::head_pattern_names();
    if (std::find(names.begin(), names.end(), full) == names.end()) {
        std::string list;
        for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
        in.fail(node, "unknown head pattern " + text::quoted(name) + " (expected one of " + list + ")" +
                          did_you_mean(name, known));
    }
    return attention::parse_head_pattern(full);
}

// A pattern: its name, or {local: window} / {positional_offset: k}.
attention::PatternChoice load_pattern(const YamlReader& in, const YAML::Node& node) {
    if (node.IsMap()) {
        if (node.size() != 1) in.fail(node, "a pattern with a parameter is one key and its value: {local: 2}, {offset: 3}");
        const auto entry = *node.begin();
        const std::string name = in.string(entry.first, "pattern");
        const attention::HeadPattern pattern = pattern_named(in, entry.first, name);
        if (pattern == attention::HeadPattern::local)
            return {pattern, in.integer(entry.second, "local", 1, 512)};
        if (pattern == attention::HeadPattern::positional_offset)
            return {pattern, in.integer(entry.second, "positional_offset", 2, 511)};
        in.fail(entry.second, "'" + name + "' takes no parameter (only local takes a window, offset its k)");
    }
    return {pattern_named(in, node, in.string(node, "pattern"))};
}

// synthetic: {patterns: [...]}: one list of heads (every layer), or one list per layer.
void load_patterns(const YamlReader& in, const YAML::Node& node, const YAML::Node& model,
                   attention::SyntheticSpec& s) {
    const YAML::Node list = in.list(node, "patterns", attention::ModelLimits::max_layers * 64);
    if (list.size() == 0) in.fail(node, "'patterns' needs at least one head's pattern");
    const bool nested = list[0].IsSequence();
    std::vector<std::vector<attention::PatternChoice>> layers;
    for (const auto& item : list) {
        if (item.IsSequence() != nested)
            in.fail(item, "write 'patterns' as one list of heads, or as one list of heads per layer, not both");
        std::vector<attention::PatternChoice> heads;
        if (nested)
            for (const auto& p : in.list(item, "patterns", attention::ModelLimits::max_heads)) heads.push_back(load_pattern(in, p));
        else
            heads.push_back(load_pattern(in, item));
        if (nested) layers.push_back(std::move(heads));
        else if (layers.empty()) layers.push_back(std::move(heads));
        else layers.front().push_back(heads.front());
    }
    const int heads = static_cast<int>(layers.front().size());
    for (std::size_t l = 0; l < layers.size(); ++l)
        if (static_cast<int>(layers[l].size()) != heads)
            in.fail(list[l], "layer " + std::to_string(l) + " lists " + std::to_string(layers[l].size()) +
                                 " patterns but layer 0 lists " + std::to_string(heads) + ": every layer has as many heads");
    if (heads > attention::ModelLimits::max_heads) in.fail(node, "at most 64 heads per layer");
    if (model["heads"] && s.heads != heads)
        in.fail(model["heads"], "'heads' is " + std::to_string(s.heads) + " but 'patterns' lists " +
                                    std::to_string(heads) + " per layer");
    s.heads = heads;
    if (nested) {
        if (model["layers"] && s.layers != static_cast<int>(layers.size()))
            in.fail(model["layers"], "'layers' is " + std::to_string(s.layers) + " but 'patterns' lists " +
                                         std::to_string(layers.size()) + " layers");
        s.layers = static_cast<int>(layers.size());
    } else {
        if (!model["layers"]) s.layers = 1;  // a flat list is one layer's heads...
        layers.assign(static_cast<std::size_t>(s.layers), layers.front());  // ...repeated for each layer asked for
    }
    s.patterns = std::move(layers);
}

// `train:`: the task, the optimiser and its steps; checked against the model now, so that
// only a diverging run is left for when the scene compiles.
void load_train(const YamlReader& in, const YAML::Node& node, ModelBlock& block) {
    const YAML::Node m = in.map(node, "train");
    in.only_keys(m, {"task", "optimizer", "steps", "learning_rate", "examples", "numbers", "checkpoint_every", "seed"},
                 "train");
    attention::TrainSpec t;
    using Limits = attention::TrainLimits;
    t.seed = block.computed.seed;
    if (m["task"]) {
        const std::string task = in.string(m["task"], "task");
        if (task == "add") t.task = attention::TrainSpec::Task::add;
        else if (task == "previous") t.task = attention::TrainSpec::Task::previous;
        else in.fail(m["task"], "unknown task '" + task + "'" + did_you_mean(task, {"add", "previous"}) +
                                    " (add: the sum of the numbers; previous: the number before the last)");
    }
    if (m["optimizer"]) {
        const std::string name = in.string(m["optimizer"], "optimizer");
        if (name == "adam") t.optimizer = attention::TrainSpec::Optimizer::adam;
        else if (name == "sgd") t.optimizer = attention::TrainSpec::Optimizer::sgd;
        else in.fail(m["optimizer"], "unknown optimizer '" + name + "'" + did_you_mean(name, {"adam", "sgd"}) +
                                         " (adam, or sgd for plain gradient descent)");
    }
    if (m["steps"]) t.steps = in.integer(m["steps"], "steps", 1, Limits::max_steps);
    if (m["learning_rate"]) t.learning_rate = in.number(m["learning_rate"], "learning_rate", 1e-12, 1e12);
    if (m["examples"]) t.examples = in.integer(m["examples"], "examples", 1, Limits::max_examples);
    if (m["checkpoint_every"]) t.checkpoint_every = in.integer(m["checkpoint_every"], "checkpoint_every", 1, Limits::max_steps);
    if (m["seed"]) t.seed = std::uint64_t(in.integer(m["seed"], "seed", 0, 1 << 30));
    if (const YAML::Node numbers = m["numbers"]) {
        if (!numbers.IsSequence() || numbers.size() != 2)
            in.fail(numbers, "expected [low, high] for 'numbers': the whole numbers examples are drawn from");
        t.low = in.integer(numbers[0], "numbers", -1000, 1000);
        t.high = in.integer(numbers[1], "numbers", -1000, 1000);
        if (t.low > t.high) in.fail(numbers, "'numbers' goes from low to high: [" + std::to_string(t.high) + ", " +
                                                 std::to_string(t.low) + "]?");
    }
    try {
        attention::token_numbers(block.computed.tokens);
        attention::validate_training(block.computed, t);
    } catch (const InputError& e) {
        in.fail(node, e.message());
    }
    block.train = t;
    block.train_mark = in.mark(m["learning_rate"] ? m["learning_rate"] : node);
}

void load_computed(const YamlReader& in, const YAML::Node& model, ModelBlock& block, bool cross) {
    attention::ModelSpec& c = block.computed;
    c.tokens = block.queries;
    if (cross) c.source_tokens = block.keys;
    if (model["positional"]) c.positional = in.boolean(model["positional"], "positional");
    if (model["scale"]) c.scale = in.boolean(model["scale"], "scale");
    if (model["layer_norm"]) c.layer_norm = in.boolean(model["layer_norm"], "layer_norm");
    if (model["residual"]) c.residual = in.boolean(model["residual"], "residual");

    // Sizes: written, else read off the matrices written, else the defaults (a trained toy: 4 wide, one head).
    if (model["train"]) {
        c.d_model = 4;
        c.heads = 1;
    }
    const ChosenSizes chosen = chosen_sizes(model);
    const YAML::Node layers = model["layers"];
    const bool layer_list = layers && layers.IsSequence();
    const bool written = chosen.d_model > 0 || layer_list;
    if (model["d_model"]) c.d_model = in.integer(model["d_model"], "d_model", 1, attention::ModelLimits::max_d_model);
    else if (chosen.d_model > 0) c.d_model = std::min(chosen.d_model, attention::ModelLimits::max_d_model);
    if (model["heads"]) c.heads = in.integer(model["heads"], "heads", 1, attention::ModelLimits::max_heads);
    else if (chosen.heads > 0) c.heads = chosen.heads;
    else if (written) c.heads = 1;  // a model written out by hand has one head unless it says otherwise
    if (c.d_model % c.heads != 0)
        in.fail(model["heads"] ? model["heads"] : model,
                "d_model " + std::to_string(c.d_model) + " is not divisible by " + std::to_string(c.heads) +
                    " heads (each head gets d_model / heads dimensions)");
    if (layer_list) {
        const YAML::Node list = in.list(layers, "layers", attention::ModelLimits::max_layers);
        if (list.size() == 0) in.fail(layers, "'layers' needs at least one layer");
        for (const char* key : {"W_Q", "W_K", "W_V", "W_O"})
            if (model[key])
                in.fail(in.key_node(model, key), std::string("write '") + key +
                                                     "' inside each entry of 'layers', not beside them");
        c.layers = static_cast<int>(list.size());
        for (const auto& layer : list) {
            in.only_keys(in.map(layer, "layers"), {"W_Q", "W_K", "W_V", "W_O"}, "a layer's weights");
            c.weights.push_back(load_layer_weights(in, layer, c.d_model, c.heads));
        }
    } else {
        if (layers) c.layers = in.integer(layers, "layers", 1, attention::ModelLimits::max_layers);
        if (model["W_Q"] || model["W_K"] || model["W_V"] || model["W_O"]) {
            if (c.layers != 1)
                in.fail(in.key_node(model, "layers"), "weights beside 'layers: " + std::to_string(c.layers) +
                                                          "' are ambiguous: give a list of layers, each with its weights");
            c.weights.push_back(load_layer_weights(in, model, c.d_model, c.heads));
        }
    }

    // Chosen inputs: `embeddings` get positions added; `inputs` enter layer 0 as written.
    auto vectors = [&](const char* embeddings, const char* inputs, std::optional<Eigen::MatrixXd>& out,
                       Eigen::Index rows, const std::string& per_row) {
        if (model[embeddings] && model[inputs])
            in.fail(in.key_node(model, inputs), std::string("give '") + embeddings + "' or '" + inputs + "', not both");
        for (const char* key : {embeddings, inputs})
            if (const YAML::Node node = model[key]) {
                out = load_matrix(in, node, key);
                check_rows(in, node, *out, rows, c.d_model, key, per_row);
            }
    };
    const auto n = static_cast<Eigen::Index>(c.tokens.size());
    vectors("embeddings", "inputs", c.embeddings, n, cross ? "one row per query" : "one row per token");
    if (cross) vectors("key_embeddings", "key_inputs", c.source_embeddings, static_cast<Eigen::Index>(c.source_tokens.size()),
                       "one row per key");
    else reject(in, model, {"key_embeddings", "key_inputs"}, "self-attention", ": keys come from the same tokens");
    if (model["inputs"] || model["key_inputs"]) {
        const char* key = model["inputs"] ? "inputs" : "key_inputs";
        if (model["positional"] && c.positional)
            in.fail(model["positional"], std::string("'") + key +
                                             "' enter layer 0 as written, without positions: use 'embeddings' to "
                                             "have positions added");
        c.positional = false;
    }
    if (model["train"]) load_train(in, model["train"], block);
}

ModelBlock load_block(const YamlReader& in, const YAML::Node& node, const std::string& name, const DataSpec& data,
                      const std::string& scene_dir) {
    const std::string where = name.empty() ? "model" : "models." + name;
    const YAML::Node model = in.map(node, where);
    in.only_keys(model, all_model_keys(), where);
    ModelBlock block;
    block.name = name;
    block.mark = in.mark(node);

    // The sequences: the block's own, else the data block's.
    const Sequences own = load_sequences(in, model);
    if (!own.tokens.empty() && !own.queries.empty())
        in.fail(own.cross_node, "give 'tokens' (self-attention) or 'queries' and 'keys' (cross-attention), not both");
    const bool own_any = !own.tokens.empty() || !own.queries.empty();
    const bool cross = own_any ? !own.queries.empty() : data.tokens.empty() && !data.queries.empty();
    block.queries = own_any ? (cross ? own.queries : own.tokens) : (cross ? data.queries : data.tokens);
    if (cross) block.keys = own_any ? own.keys : data.keys;
    if (block.queries.empty())
        in.fail(node, "a model needs tokens: 'tokens' (or 'queries' and 'keys') in the data block or in the model");

    const bool synthetic_map = model["synthetic"] && model["synthetic"].IsMap();
    const bool synthetic = synthetic_map || (model["synthetic"] && in.boolean(model["synthetic"], "synthetic"));
    if (model["weights"]) {
        const std::string kind = "a model loaded from weights";
        reject(in, model, kComputedKeys, kind);
        reject(in, model, kSyntheticKeys, kind);
        reject(in, model, {"layers", "heads", "seed", "mask"}, kind, ": the file gives the weights");
        block.kind = ModelBlock::Kind::file;
        block.mark = in.mark(model["weights"]);  // the file's errors point at its name
        std::filesystem::path file = in.string(model["weights"], "weights");
        if (file.is_relative()) file = std::filesystem::path(scene_dir) / file;
        block.weights_file = file.string();
        return block;
    }
    auto common = [&](auto& spec) {
        if (model["heads"]) spec.heads = in.integer(model["heads"], "heads", 1, attention::ModelLimits::max_heads);
        if (model["seed"]) spec.seed = std::uint64_t(in.integer(model["seed"], "seed", 0, 1 << 30));
        const attention::MaskKind default_mask = cross ? attention::MaskKind::none : attention::MaskKind::causal;
        spec.mask = model["mask"] ? load_mask(in, model["mask"]) : attention::MaskSpec{default_mask, 1, {}, {}};
    };
    if (synthetic) {
        const std::string kind = "a synthetic model";
        reject(in, model, kComputedKeys, kind);
        if (cross)
            in.fail(own_any ? own.cross_node : node,
                    "synthetic heads draw self-attention patterns over one sequence; for cross-attention use a "
                    "computed model or weights from a file");
        block.kind = ModelBlock::Kind::synthetic;
        attention::SyntheticSpec& s = block.synthetic;
        s.tokens = block.queries;
        if (model["layers"]) s.layers = in.integer(model["layers"], "layers", 1, attention::ModelLimits::max_layers);
        common(s);
        if (model["window"]) s.window = in.integer(model["window"], "window", 1, 512);
        if (synthetic_map) {
            const YAML::Node options = model["synthetic"];
            in.only_keys(options, {"patterns"}, "synthetic");
            if (options["patterns"]) load_patterns(in, options["patterns"], model, s);
        }
        return block;
    }
    reject(in, model, kSyntheticKeys, "a computed model");
    block.kind = ModelBlock::Kind::computed;
    common(block.computed);
    load_computed(in, model, block, cross);
    return block;
}

bool is_identifier(const std::string& name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
    for (char ch : name)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')) return false;
    return true;
}

}  // namespace

DataSpec load_data(const YamlReader& in, const YAML::Node& node, const std::string& scene_dir) {
    const auto& m = in.map(node, "data");
    in.only_keys(m, {"tokens", "queries", "keys", "model", "models"}, "data");
    DataSpec data;
    const Sequences sequences = load_sequences(in, m);
    data.tokens = sequences.tokens;
    data.queries = sequences.queries;
    data.keys = sequences.keys;
    if (m["model"]) data.models.push_back(load_block(in, m["model"], "", data, scene_dir));
    if (const YAML::Node models = m["models"]) {
        if (!models.IsMap()) in.fail(models, "'models' maps names to model blocks: {causal: {...}, local: {...}}");
        if (models.size() == 0) in.fail(models, "'models' needs at least one model");
        for (const auto& entry : models) {
            const std::string name = in.string(entry.first, "models");
            if (!is_identifier(name))
                in.fail(entry.first, "a model's name is a word of letters, digits and '_' (it is used in paths: "
                                     "models.NAME.layer[0]...), not '" + name + "'");
            for (const auto& earlier : data.models)
                if (earlier.name == name) in.fail(entry.first, "the model '" + name + "' is declared twice");
            data.models.push_back(load_block(in, entry.second, name, data, scene_dir));
        }
    }
    return data;
}

attention::PathRef load_model_path(const YamlReader& in, const YAML::Node& node, const std::string& what) {
    const std::string text = in.string(node, what);
    try {
        return {text, attention::parse_model_path(text), in.mark(node)};
    } catch (const attention::PathError& e) {
        throw InputError(in.mark_at(node, e.offset()), e.what());
    }
}

}  // namespace attnreel
