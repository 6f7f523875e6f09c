// `attnreel model` and `attnreel analyze`: the numbers behind a scene, or an analysis of
// attention weights loaded from a file.
#include "attention/report.hpp"
#include "attention/scene_json.hpp"
#include "attention/tokens.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "io/scene_file.hpp"

#include <cstdio>
#include <filesystem>

namespace attnreel::cli {

namespace {

bool is_weights_file(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    return ext == ".npy" || ext == ".json";
}

// A scene whose data block declares a model; InputError otherwise.
Scene load_scene_with_model(const std::string& path, text::FontLibrary& fonts) {
    Scene scene = load_scene(path, fonts).scene;
    if (scene.model->empty()) throw InputError({scene.file}, "the scene has no 'model' in its data block");
    return scene;
}

// A weights file as the one model of a data block, so that it is analysed (and its paths
// resolved) exactly as a scene's model is.
attention::SceneData weights_file_data(const std::string& path, const Args& args) {
    attention::DataSpec data;
    attention::ModelBlock& block = data.models.emplace_back();
    block.kind = attention::ModelBlock::Kind::file;
    block.weights_file = path;
    const auto tokens = args.get("--tokens"), queries = args.get("--queries"), keys = args.get("--keys");
    if (tokens && (queries || keys))
        throw UsageError("give --tokens (self-attention) or --queries and --keys (cross-attention), not both");
    if (queries.has_value() != keys.has_value()) throw UsageError("cross-attention needs both --queries and --keys");
    if (tokens) block.queries = attention::split_tokens(*tokens);
    if (queries) {
        block.queries = attention::split_tokens(*queries);
        block.keys = attention::split_tokens(*keys);
    }
    return attention::SceneData::build(data);
}

}  // namespace

int model_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false}, {"--json", "", false}});
    if (args.has("--help")) {
        std::printf("usage: attnreel model SCENE.yaml [--json]\n\n"
                    "Prints, as JSON, every number of the models the scene's data block declares, keyed as\n"
                    "their paths are written (model.layer[0].head[1].scores is\n"
                    "[\"model\"][\"layer\"][0][\"head\"][1][\"scores\"]): embeddings, positions, inputs, rollout, and\n"
                    "per layer and head W_Q, W_K, W_V, W_O, Q, K, V, scores, scaled scores, mask, weights,\n"
                    "outputs, concat and head mean.\n");
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("model takes one scene file (see 'attnreel model --help')");
    text::FontLibrary fonts;
    const Scene scene = load_scene_with_model(args.positional[0], fonts);
    std::printf("%s", attention::models_json(*scene.model).c_str());
    return 0;
}

int analyze_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false},
                                         {"--json", "", false},
                                         {"--tokens", "", true},
                                         {"--queries", "", true},
                                         {"--keys", "", true}});
    if (args.has("--help")) {
        std::printf("usage: attnreel analyze (SCENE.yaml | WEIGHTS.npy | WEIGHTS.json)\n"
                    "                        [--tokens \"a b c\" | --queries \"a b\" --keys \"x y z\"] [--json]\n\n"
                    "For each layer and head: entropy (nats), mean attention distance, self, previous-token,\n"
                    "first-token (sink) and induction scores, and the most likely pattern; then attention\n"
                    "rollout across layers. .npy arrays are [layers, heads, q, k], [heads, q, k] or [q, k].\n"
                    "--tokens names the rows and columns of self-attention (square matrices); --queries and\n"
                    "--keys those of cross-attention (queries × keys). --json keys every figure as its path\n"
                    "is written (analysis.layer[0].head[1].entropy).\n");
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("analyze takes one file (see 'attnreel analyze --help')");
    const std::string& path = args.positional[0];
    std::shared_ptr<const attention::SceneData> data;
    if (is_weights_file(path)) {
        data = std::make_shared<const attention::SceneData>(weights_file_data(path, args));
    } else {
        for (const char* option : {"--tokens", "--queries", "--keys"})
            if (args.has(option))
                throw UsageError(std::string(option) + " is for weight files; a scene has its own tokens");
        text::FontLibrary fonts;
        data = load_scene_with_model(path, fonts).model;
    }
    if (args.has("--json")) {
        std::printf("%s", attention::analysis_json(*data).c_str());
        return 0;
    }
    // With several models, each table under the name its paths start with.
    const bool several = data->models().size() > 1;
    for (const attention::SceneData::Entry& e : data->models()) {
        const std::string name = e.name.empty() ? "model" : "models." + e.name;
        if (several) std::printf("%s%s\n", &e == &data->models().front() ? "" : "\n", name.c_str());
        std::printf("%s\n", attention::analysis_table(e.analysis(), e.queries).c_str());
    }
    return 0;
}

}  // namespace attnreel::cli
