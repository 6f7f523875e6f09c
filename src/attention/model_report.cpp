#include "attention/model_report.hpp"

#include "attention/json_writer.hpp"

namespace attnreel::attention {

namespace {

void write_head(JsonWriter& json, const HeadComputation& head) {
    json.begin_object();
    json.key("W_Q").matrix(head.W_Q);
    json.key("W_K").matrix(head.W_K);
    json.key("W_V").matrix(head.W_V);
    json.key("Q").matrix(head.Q);
    json.key("K").matrix(head.K);
    json.key("V").matrix(head.V);
    json.key("scores").matrix(head.scores);
    json.key("scaled_scores").matrix(head.scaled_scores);
    json.key("mask").boolean_matrix(head.mask);
    json.key("weights").matrix(head.weights);
    json.key("output").matrix(head.output);
    json.end_object();
}

}  // namespace

std::string model_json(const ComputedModel& model) {
    const ModelSpec& spec = model.spec;
    JsonWriter json;
    json.begin_object();
    json.key("tokens").strings(spec.tokens);
    if (model.cross_attention()) json.key("source_tokens").strings(spec.source_tokens);
    json.key("d_model").value(spec.d_model);
    json.key("heads").value(spec.heads);
    json.key("d_k").value(model.d_k);
    json.key("layer_count").value(spec.layers);
    json.key("seed").value(spec.seed);
    json.key("mask").value(to_string(spec.mask.kind));
    json.key("window").value(spec.mask.window);
    json.key("positional").value(spec.positional);
    json.key("scale").value(spec.scale);
    json.key("layer_norm").value(spec.layer_norm);
    json.key("token_embeddings").matrix(model.token_embeddings);
    json.key("positions").matrix(model.positions);
    json.key("embeddings").matrix(model.embeddings);
    if (model.cross_attention()) json.key("source_embeddings").matrix(model.source_embeddings);
    json.key("layers").begin_array();
    for (const LayerComputation& layer : model.layers) {
        json.begin_object();
        json.key("heads").begin_array();
        for (const HeadComputation& head : layer.heads) write_head(json, head);
        json.end_array();
        json.key("concat").matrix(layer.concat);
        json.key("W_O").matrix(layer.W_O);
        json.key("attention_output").matrix(layer.attention_output);
        json.key("output").matrix(layer.output);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str() + "\n";
}

std::string synthetic_json(const SyntheticModel& model) {
    JsonWriter json;
    json.begin_object();
    json.key("tokens").strings(model.tokens);
    json.key("embeddings").matrix(model.embeddings);
    json.key("mask").boolean_matrix(model.mask);
    json.key("layers").begin_array();
    for (const auto& layer : model.layers) {
        json.begin_object().key("heads").begin_array();
        for (const SyntheticHead& head : layer) {
            json.begin_object();
            json.key("pattern").value(to_string(head.pattern));
            json.key("parameter").value(head.parameter);
            json.key("sharpness").value(head.sharpness);
            json.key("weights").matrix(head.weights);
            json.end_object();
        }
        json.end_array().end_object();
    }
    json.end_array();
    json.end_object();
    return json.str() + "\n";
}

}  // namespace attnreel::attention
