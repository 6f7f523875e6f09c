// `attnreel model` and `attnreel analyze`: the numbers behind a scene, or an analysis of
// attention weights loaded from a file.
#include "attention/attention_file.hpp"
#include "attention/report.hpp"
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

}  // namespace

int model_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false}, {"--json", "", false}});
    if (args.has("--help")) {
        std::printf("usage: attnreel model SCENE.yaml [--json]\n\n"
                    "Prints, as JSON, every number of the model the scene's data block declares: tokens,\n"
                    "embeddings (after positional encoding), and per layer and head W_Q, W_K, W_V, Q, K, V,\n"
                    "scores, scaled scores, mask, weights and output, plus W_O and the layer output.\n");
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("model takes one scene file (see 'attnreel model --help')");
    text::FontLibrary fonts;
    const Scene scene = load_scene_with_model(args.positional[0], fonts);
    std::printf("%s\n", scene.model->json().c_str());
    return 0;
}

int analyze_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false}, {"--json", "", false}, {"--tokens", "", true}});
    if (args.has("--help")) {
        std::printf("usage: attnreel analyze (SCENE.yaml | WEIGHTS.npy | WEIGHTS.json) [--tokens \"a b c\"] [--json]\n\n"
                    "For each layer and head: entropy (nats), mean attention distance, self, previous-token,\n"
                    "first-token (sink) and induction scores, and the most likely pattern; then attention\n"
                    "rollout across layers. .npy arrays are [layers, heads, q, k], [heads, q, k] or [q, k].\n");
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("analyze takes one file (see 'attnreel analyze --help')");
    const std::string& path = args.positional[0];
    attention::ModelAnalysis analysis;
    std::vector<std::string> tokens;
    if (is_weights_file(path)) {
        std::optional<std::vector<std::string>> given;
        if (const auto t = args.get("--tokens")) given = attention::split_tokens(*t);
        const attention::LoadedAttention loaded = attention::load_attention_file(path, given);
        analysis = attention::analyze_attention(loaded.stack, loaded.tokens);
        tokens = loaded.tokens;
    } else {
        if (args.has("--tokens")) throw UsageError("--tokens is for weight files; a scene has its own tokens");
        text::FontLibrary fonts;
        const Scene scene = load_scene_with_model(path, fonts);
        analysis = scene.model->analysis();
        tokens = scene.model->tokens();
    }
    const std::string out = args.has("--json") ? attention::analysis_json(analysis, tokens)
                                               : attention::analysis_table(analysis, tokens);
    std::printf("%s\n", out.c_str());
    return 0;
}

}  // namespace attnreel::cli
