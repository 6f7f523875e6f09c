// `model --json` and `analyze --json`: keyed as paths are written, every value equal to
// what the path resolves to, absent figures null, strings escaped.
#include "attention/scene_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace attnreel;
using namespace attnreel::attention;
using nlohmann::json;

namespace {

SceneData two_models() {
    DataSpec d;
    d.tokens = {"the", "cat", "\"sat\"", "on", "the", "mat"};
    ModelBlock& computed = d.models.emplace_back();
    computed.queries = d.tokens;
    computed.computed.tokens = d.tokens;
    computed.computed.d_model = 4;
    computed.computed.heads = 2;
    computed.computed.layers = 2;
    computed.computed.mask.kind = MaskKind::causal;
    ModelBlock& synthetic = d.models.emplace_back();
    synthetic.name = "planted";
    synthetic.kind = ModelBlock::Kind::synthetic;
    synthetic.queries = d.tokens;
    synthetic.synthetic.tokens = d.tokens;
    synthetic.synthetic.layers = 1;
    synthetic.synthetic.heads = 2;
    synthetic.synthetic.patterns = {{HeadPattern::previous_token, HeadPattern::induction}};
    return SceneData::build(d);
}

// The JSON node a path names: model.layer[1].head[0].scores → j["model"]["layer"][1]["head"][0]["scores"].
const json& at(const json& root, const std::vector<json>& keys) {
    const json* node = &root;
    for (const json& k : keys) node = k.is_string() ? &node->at(k.get<std::string>()) : &node->at(k.get<std::size_t>());
    return *node;
}

bool equals(const json& j, const ModelValue& v) {
    if (v.shape == ModelValue::Shape::number) return j.get<double>() == v.values(0, 0);
    if (v.shape == ModelValue::Shape::name) return j.get<std::string>() == v.name;
    if (v.shape == ModelValue::Shape::vector) return j.get<std::vector<double>>() == std::vector<double>(v.values.data(), v.values.data() + v.values.size());
    for (Eigen::Index i = 0; i < v.values.rows(); ++i)
        for (Eigen::Index k = 0; k < v.values.cols(); ++k)
            if (j.at(static_cast<std::size_t>(i)).at(static_cast<std::size_t>(k)).get<double>() != v.values(i, k)) return false;
    return j.size() == static_cast<std::size_t>(v.values.rows());
}

}  // namespace

TEST_CASE("model JSON holds every matrix under its path's keys", "[json]") {
    const SceneData data = two_models();
    const json root = json::parse(models_json(data));
    CHECK(root["tokens"][2] == "\"sat\"");
    CHECK(root["model"]["kind"] == "computed");
    CHECK(root["model"]["d_k"] == 2);
    const std::vector<std::pair<std::string, std::vector<json>>> cases = {
        {"model.embeddings", {"model", "embeddings"}},
        {"model.positions", {"model", "positions"}},
        {"model.inputs", {"model", "inputs"}},
        {"model.rollout", {"model", "rollout"}},
        {"model.layer[1].W_Q", {"model", "layer", 1, "W_Q"}},
        {"model.layer[1].concat", {"model", "layer", 1, "concat"}},
        {"model.layer[0].head_mean", {"model", "layer", 0, "head_mean"}},
        {"model.layer[1].head[0].scores", {"model", "layer", 1, "head", 0, "scores"}},
        {"model.layer[1].head[0].weights", {"model", "layer", 1, "head", 0, "weights"}},
        {"model.layer[1].head[1].mask", {"model", "layer", 1, "head", 1, "mask"}},
        {"models.planted.layer[0].head[1].weights", {"models", "planted", "layer", 0, "head", 1, "weights"}},
        {"models.planted.embeddings", {"models", "planted", "embeddings"}},
    };
    for (const auto& [path, keys] : cases) {
        INFO(path);
        CHECK(equals(at(root, keys), data.value(path)));
    }
    // What a synthetic model does not have is left out, not invented.
    CHECK_FALSE(root["models"]["planted"]["layer"][0]["head"][0].contains("q"));
    CHECK(root["models"]["planted"]["planted"][0][1]["pattern"] == "induction");
}

TEST_CASE("analysis JSON holds every figure under its path's keys, null where it does not apply", "[json]") {
    const SceneData data = two_models();
    const json root = json::parse(analysis_json(data));
    const json& a = root["model"]["analysis"];
    CHECK(equals(a["entropy_by_layer"], data.value("analysis.entropy_by_layer")));
    CHECK(equals(a["layer"][1]["head"][0]["entropy"], data.value("analysis.layer[1].head[0].entropy")));
    CHECK(equals(a["layer"][1]["sink"], data.value("analysis.layer[1].sink")));
    CHECK(equals(a["layer"][0]["head"][1]["pattern"], data.value("analysis.layer[0].head[1].pattern")));
    CHECK(root["models"]["planted"]["analysis"]["layer"][0]["head"][1]["pattern"] == "induction");
    CHECK(equals(a["distance_profile"], data.value("analysis.distance_profile")));
    CHECK(a["layer"][0]["alignment"].is_null());  // a cross-attention figure, and this is self-attention
    const json& specialised = root["models"]["planted"]["analysis"]["specialised"];
    REQUIRE(specialised.is_array());
    bool previous_named = false;
    for (const json& s : specialised) previous_named = previous_named || (s["head"] == 0 && s["role"] == "previous_token");
    CHECK(previous_named);
    CHECK(equals(root["models"]["planted"]["analysis"]["layer"][0]["head"][0]["previous"],
                 data.value("models.planted.analysis.layer[0].head[0].previous")));
}

TEST_CASE("a trained model's JSON holds its prediction, loss and every checkpoint as model.step[k]", "[json][train]") {
    DataSpec d;
    d.tokens = {"3", "5"};
    ModelBlock& block = d.models.emplace_back();
    block.queries = d.tokens;
    block.computed.tokens = d.tokens;
    block.computed.d_model = 4;
    block.computed.heads = 1;
    block.train = TrainSpec{};
    block.train->steps = 40;
    block.train->checkpoint_every = 20;
    const SceneData data = SceneData::build(d);
    const json models = json::parse(models_json(data));
    const json& model = models.at("model");
    CHECK(model.at("kind") == "trained");
    CHECK(model.at("checkpoints") == json::array({0, 20, 40}));
    for (const char* item : {"prediction", "target", "loss", "loss_curve", "readout", "readout_bias"})
        CHECK(equals(model.at(item), data.value(std::string("model.") + item)));
    CHECK(equals(at(models, {"model", "step", "20", "prediction"}), data.value("model.step[20].prediction")));
    CHECK(equals(at(models, {"model", "step", "0", "layer", 0, "head", 0, "weights"}),
                 data.value("model.step[0].layer[0].head[0]")));
    const json analysis = json::parse(analysis_json(data));
    CHECK(equals(at(analysis, {"model", "step", "20", "analysis", "layer", 0, "head", 0, "entropy"}),
                 data.value("model.step[20].analysis.layer[0].head[0].entropy")));
}
