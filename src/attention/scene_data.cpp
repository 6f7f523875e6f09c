#include "attention/scene_data.hpp"

#include "attention/model_items.hpp"

#include <algorithm>

namespace attnreel::attention {

namespace {

// A `train:` block: one entry per checkpoint, each the scene's model with the parameters of
// that step; the model itself is the last.
SceneData::Entry build_trained(const ModelBlock& block, SceneData::Entry entry) {
    std::vector<TrainCheckpoint> steps;
    try {
        steps = train_model(block.computed, *block.train);
    } catch (const TrainingDiverged& e) {
        throw InputError(block.train_mark, e.what());
    }
    const double target = task_target(block.train->task, token_numbers(block.computed.tokens));
    auto checkpoints = std::make_shared<std::vector<SceneData::Entry>>();
    auto curve = std::make_shared<Eigen::VectorXd>(static_cast<Eigen::Index>(steps.size()));
    for (std::size_t k = 0; k < steps.size(); ++k) (*curve)(static_cast<Eigen::Index>(k)) = steps[k].loss;
    for (const TrainCheckpoint& step : steps) {
        SceneData::Entry at;  // not a copy of `entry`: each checkpoint has its own analysis
        at.name = entry.name;
        at.mark = entry.mark;
        ComputedModel model = build_model(trained_model_spec(block.computed, step.parameters));
        const Eigen::MatrixXd& output = model.layers.front().output;
        const double prediction = step.parameters.readout.dot(output.row(output.rows() - 1)) + step.parameters.readout_bias;
        at.trained = SceneData::Entry::Trained{step.step, step.parameters.readout, step.parameters.readout_bias,
                                               prediction, target, step.loss, curve};
        at.queries = at.keys = model.spec.tokens;
        at.model = std::move(model);
        checkpoints->push_back(std::move(at));
    }
    SceneData::Entry trained = checkpoints->back();  // shares the last checkpoint's analysis
    trained.checkpoints = checkpoints;
    return trained;
}

SceneData::Entry build_entry(const ModelBlock& block) {
    SceneData::Entry entry;
    entry.name = block.name;
    entry.mark = block.mark;
    try {
        switch (block.kind) {
            case ModelBlock::Kind::computed: {
                if (block.train) {
                    entry = build_trained(block, std::move(entry));
                    break;
                }
                ComputedModel model = build_model(block.computed);
                entry.queries = model.spec.tokens;
                entry.cross = model.cross_attention();
                entry.keys = entry.cross ? model.spec.source_tokens : model.spec.tokens;
                entry.model = std::move(model);
                break;
            }
            case ModelBlock::Kind::synthetic: {
                SyntheticModel model = generate_synthetic(block.synthetic);
                entry.queries = entry.keys = model.tokens;
                entry.model = std::move(model);
                break;
            }
            case ModelBlock::Kind::file: {
                AttentionTokens given;
                if (!block.keys.empty()) {
                    given.queries = block.queries;
                    given.keys = block.keys;
                } else {
                    given.tokens = block.queries;
                }
                LoadedAttention loaded = load_attention_file(block.weights_file, given);
                entry.queries = loaded.tokens;
                entry.keys = loaded.keys;
                entry.cross = loaded.cross;
                entry.model = std::move(loaded);
                break;
            }
        }
    } catch (const InputError& e) {
        // A weights file's errors (a FIFO, a bad number at [1][2], a row that does not sum
        // to 1) are reported where the scene names the file, naming the file and the place
        // in it; the file alone when no scene names it (`attnreel analyze weights.npy`).
        if (block.kind == ModelBlock::Kind::file && !block.mark.file.empty()) {
            const SourceMark& in_file = e.mark();
            std::string place;
            if (in_file.line > 0) place = ", line " + std::to_string(in_file.line);
            if (in_file.line > 0 && in_file.column > 0) place += " column " + std::to_string(in_file.column);
            throw InputError(block.mark, "weights file '" + block.weights_file + "'" + place + ": " + e.message());
        }
        // A loader's errors name their file; a spec's errors get the block's place.
        if (!e.mark().file.empty()) throw;
        throw InputError(block.mark, e.message());
    }
    return entry;
}

std::string model_list(const std::vector<SceneData::Entry>& models) {
    std::string list;
    for (const auto& m : models) list += (list.empty() ? "" : ", ") + (m.name.empty() ? "model" : "models." + m.name);
    return list;
}

// How many numbers a block keeps once computed (a file's: once loaded).
double stored_numbers(const ModelBlock& block, const SceneData::Entry* built) {
    switch (block.kind) {
        case ModelBlock::Kind::computed:
            // A trained model keeps one model per checkpoint.
            return stored_numbers(block.computed) *
                   (block.train ? (block.train->steps + block.train->checkpoint_every - 1) / block.train->checkpoint_every + 1 : 1);
        case ModelBlock::Kind::synthetic: return stored_numbers(block.synthetic);
        case ModelBlock::Kind::file: break;
    }
    if (!built) return 0;
    double total = 0;
    for (const auto& layer : std::get<LoadedAttention>(built->model).stack)
        for (const auto& A : layer) total += static_cast<double>(A.size());
    return total;
}

}  // namespace

SceneData SceneData::build(const DataSpec& data) {
    SceneData result;
    result.spec_ = data;
    // Each model is checked on its own when built; together they must fit the same limit.
    double total = 0;
    auto check = [&](double numbers, const ModelBlock& block) {
        if (numbers > ModelLimits::max_stored_numbers)
            throw InputError(block.mark, "the data block's models together keep about " +
                                             std::to_string(static_cast<long long>(numbers / 1e6)) +
                                             " million numbers; the limit is " +
                                             std::to_string(static_cast<long long>(ModelLimits::max_stored_numbers / 1e6)) +
                                             " million: use fewer or smaller models");
    };
    for (const ModelBlock& block : data.models) {
        if (total > 0) check(total + stored_numbers(block, nullptr), block);  // before computing anything
        Entry entry = build_entry(block);
        total += stored_numbers(block, &entry);
        check(total, block);
        result.models_.push_back(std::move(entry));
    }
    return result;
}

const std::vector<std::string>& SceneData::tokens() const {
    if (!models_.empty()) return models_.front().queries;
    return spec_.tokens;
}

const ModelAnalysis& SceneData::Entry::analysis() const {
    std::call_once(cache_->once, [this] {
        cache_->analysis = std::make_unique<ModelAnalysis>(std::visit(
            [](const auto& m) {
                using T = std::decay_t<decltype(m)>;
                if constexpr (std::is_same_v<T, LoadedAttention>) {
                    AnalysisContext context;
                    context.queries = m.tokens;
                    context.keys = m.keys;
                    context.cross = m.cross;
                    return analyze_attention(m.stack, context);
                }
                else return analyze_model(m);
            },
            model));
    });
    return *cache_->analysis;
}

const ModelAnalysis& SceneData::analysis() const {
    if (models_.empty()) throw InputError("the scene has no model in its data block");
    return models_.front().analysis();
}

const SceneData::Entry& SceneData::entry(const ModelPath& path, const std::string& text) const {
    if (models_.empty()) throw PathError(0, "'" + text + "' needs a model in the data block");
    if (!path.named) {
        for (const Entry& e : models_)
            if (e.name.empty()) return path.step ? checkpoint(e, path) : e;
        throw PathError(path.model_offset, "the data block has no 'model:'; name one of its models (" +
                                               model_list(models_) + ")");
    }
    std::vector<std::string> names;
    for (const Entry& e : models_) {
        if (!e.name.empty() && e.name == path.model) return path.step ? checkpoint(e, path) : e;
        if (!e.name.empty()) names.push_back(e.name);
    }
    const std::string nearest = nearest_word(path.model, names);
    throw PathError(path.model_offset, "unknown model 'models." + path.model + "'" +
                                           (nearest.empty() ? "" : "; did you mean 'models." + nearest + "'?") +
                                           " (the data block declares " + model_list(models_) + ")");
}

const SceneData::Entry& SceneData::checkpoint(const Entry& trained, const ModelPath& path) {
    std::string model_text = path.model_text();
    model_text.erase(model_text.rfind(".step["));
    if (!trained.checkpoints)
        throw PathError(path.step_offset, "'step[k]' exists only for a trained model (one with 'train:'), and " +
                                              model_text + " is not trained");
    const std::vector<Entry>& all = *trained.checkpoints;
    const int k = static_cast<int>(std::min<std::size_t>(*path.step, 1u << 30));
    const auto at = std::lower_bound(all.begin(), all.end(), k, [](const Entry& e, int step) { return e.trained->step < step; });
    if (at != all.end() && at->trained->step == k) return *at;
    const int every = all.size() > 1 ? all[1].trained->step : 1;
    const std::string last = std::to_string(all.back().trained->step);
    throw PathError(path.step_offset, "step " + std::to_string(*path.step) + " is not a checkpoint of " + model_text +
                                          ": it keeps steps " +
                                          (every > 1 ? "0, " + std::to_string(every) + ", " + std::to_string(2 * every) +
                                                           ", … and the last, " + last
                                                     : "0 to " + last));
}

ModelValue SceneData::resolve(const ModelPath& path, const std::string& text) const {
    const Entry& e = entry(path, text);
    ModelValue value = path.analysis ? analysis_item(e, path) : model_item(e, path);
    ModelPath base = path;
    base.slices.clear();
    value.path = to_string(base);
    return apply_slices(std::move(value), path.slices);
}

ModelValue SceneData::value(const PathRef& ref) const {
    try {
        return resolve(ref.path, ref.text);
    } catch (const PathError& e) {
        throw InputError(ref.mark, e.what());
    }
}

ModelValue SceneData::value(const std::string& text, const SourceMark& mark) const {
    try {
        return value(PathRef{text, parse_model_path(text), mark});
    } catch (const PathError& e) {
        throw InputError(mark, e.what());
    }
}

ModelValue SceneData::matrix(const PathRef& ref) const {
    ModelValue v = value(ref);
    if (v.shape == ModelValue::Shape::number || v.shape == ModelValue::Shape::name)
        throw InputError(ref.mark, "'" + ref.text + "' is " + describe_shape(v) +
                                       "; a matrix or a vector is expected here");
    return v;
}

ModelValue SceneData::vector(const PathRef& ref) const {
    ModelValue v = value(ref);
    if (v.shape == ModelValue::Shape::matrix)
        throw InputError(ref.mark, "'" + ref.text + "' is " + describe_shape(v) +
                                       "; a vector is expected here: pick one row with .row[i]");
    if (v.shape != ModelValue::Shape::vector)
        throw InputError(ref.mark, "'" + ref.text + "' is " + describe_shape(v) + "; a vector is expected here");
    return v;
}

}  // namespace attnreel::attention
