#pragma once
// The models a scene's `data:` block declares, computed once when the scene compiles, and
// the one way to take numbers from them: a path (model_path.hpp) resolved to a number, a
// name, a vector or a matrix (model_value.hpp). Every widget that shows model numbers
// (heatmaps, arrows, texts with {placeholders}, and any new one) asks here:
//
//   const ModelValue m = data.matrix(ref);   // a matrix (a vector as one row), with its mask
//   const ModelValue v = data.vector(ref);   // a vector
//   const ModelValue x = data.value(ref);    // whatever the path names
//
// Errors are InputErrors at the path's mark that say what was expected and name the
// nearest valid paths.
#include "attention/analysis.hpp"
#include "attention/attention_file.hpp"
#include "attention/data_spec.hpp"
#include "attention/model.hpp"
#include "attention/model_path.hpp"
#include "attention/model_value.hpp"
#include "attention/synthetic.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace attnreel::attention {

using AnyModel = std::variant<ComputedModel, SyntheticModel, LoadedAttention>;

class SceneData {
public:
    // Computes every model of the block. InputErrors carry the block's marks (a loader's own
    // errors name their file).
    static SceneData build(const DataSpec& data);

    bool empty() const { return models_.empty(); }
    const DataSpec& spec() const { return spec_; }
    // The tokens of the default model (`model:`, else the first of `models:`), else data.tokens.
    const std::vector<std::string>& tokens() const;

    // What `ref` names. Throws InputError at ref.mark.
    ModelValue value(const PathRef& ref) const;
    // A matrix, or a vector as a one-row matrix; a number or a name is an error.
    ModelValue matrix(const PathRef& ref) const;
    // A vector; a matrix is an error that suggests .row[i].
    ModelValue vector(const PathRef& ref) const;
    // Parses `text` first: for tools and tests (PathErrors become InputErrors at `mark`).
    ModelValue value(const std::string& text, const SourceMark& mark = {}) const;
    // The analysis of the default model, for `attnreel analyze`.
    const ModelAnalysis& analysis() const;

    // Models by name ("" for `model:`), in the order the block declares them.
    struct Entry {
        std::string name;
        SourceMark mark;
        AnyModel model;
        std::vector<std::string> queries, keys;  // the tokens of rows and columns (equal for self-attention)
        bool cross = false;                      // keys and values from another sequence
        // A trained model (`train:`): what its read-out predicts for the tokens, at this checkpoint.
        struct Trained {
            int step = 0;
            Eigen::VectorXd readout;  // r, on the last token's output
            double readout_bias = 0, prediction = 0, target = 0, loss = 0;
            std::shared_ptr<const Eigen::VectorXd> loss_curve;  // the loss at every checkpoint
        };
        std::optional<Trained> trained;
        // A trained model's checkpoints, by step (the last is the model itself); null otherwise,
        // and in the checkpoints themselves.
        std::shared_ptr<const std::vector<Entry>> checkpoints;
        // The analysis, computed the first time it is asked for.
        const ModelAnalysis& analysis() const;

    private:
        // Shared by the copies of one entry, so that a copy never waits on a flag another set.
        struct AnalysisCache {
            std::once_flag once;
            std::unique_ptr<ModelAnalysis> analysis;
        };
        std::shared_ptr<AnalysisCache> cache_ = std::make_shared<AnalysisCache>();
    };
    const std::vector<Entry>& models() const { return models_; }
    // The model a path names (its step chosen for a checkpoint); PathError when there is none.
    const Entry& entry(const ModelPath& path, const std::string& text) const;
    // The checkpoint `model.step[k]` names; PathError when the model was not trained or k is not kept.
    static const Entry& checkpoint(const Entry& trained, const ModelPath& path);

private:
    ModelValue resolve(const ModelPath& path, const std::string& text) const;

    DataSpec spec_;
    std::vector<Entry> models_;
};

}  // namespace attnreel::attention
