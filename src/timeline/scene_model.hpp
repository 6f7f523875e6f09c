#pragma once
// The attention model a scene declares in its `data:` block, computed once at compile
// time, and the paths objects use to take numbers from it:
//   model.layer[L].head[H]            the head's attention weights (same as .weights)
//   model.layer[L].head[H].NAME       NAME: weights, scores, scaled_scores, q, k, v, output
//   model.layer[L].output             the layer's output (computed models)
#include "attention/analysis.hpp"
#include "attention/attention_file.hpp"
#include "attention/model.hpp"
#include "attention/synthetic.hpp"
#include "scene/scene_spec.hpp"

#include <Eigen/Core>
#include <string>
#include <variant>

namespace attnreel {

class SceneModel {
public:
    // Computes the model; InputErrors carry the data block's mark.
    static SceneModel build(const DataSpec& data);

    bool empty() const { return std::holds_alternative<std::monostate>(model_); }
    const std::vector<std::string>& tokens() const { return tokens_; }
    // The matrix a path names; InputError at `mark` for a bad path or index.
    Eigen::MatrixXd matrix(const std::string& path, const SourceMark& mark) const;
    // Where the matrix a path names is masked (true: the query may not see the key), for a
    // head's weights, scores and scaled scores: the head's mask, or for weights loaded from
    // a file, which carry no mask, the weights that are exactly 0. Empty for other matrices.
    attention::Mask masked(const std::string& path, const SourceMark& mark) const;
    // Whether the path names a head's attention weights (rows of probabilities).
    static bool names_weights(const std::string& path);
    attention::ModelAnalysis analysis() const;
    std::string json() const;  // every computed number (attnreel model --json)

private:
    struct HeadPath {
        std::size_t layer = 0, head = 0;
        std::string name;  // "weights", "scores", ...; empty for a layer's output
    };
    static HeadPath parse(const std::string& path, const SourceMark& mark);

    std::vector<std::string> tokens_;
    std::variant<std::monostate, attention::ComputedModel, attention::SyntheticModel, attention::LoadedAttention> model_;
};

}  // namespace attnreel
