#include "attention/json_loader.hpp"

#include "attention/model_spec.hpp"
#include "core/error.hpp"
#include "core/input_file.hpp"
#include "core/limits.hpp"

#include <yaml-cpp/yaml.h>

namespace attnreel::attention {

namespace {

[[noreturn]] void fail(const std::string& source, const YAML::Mark& mark, const std::string& message) {
    const bool known = mark.line >= 0;
    throw InputError(SourceMark{source, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0}, message);
}

// The extents met by following first elements: [[[..]]] → its shape.
std::vector<std::size_t> leading_shape(const YAML::Node& node, const std::string& source) {
    std::vector<std::size_t> shape;
    YAML::Node current = node;
    while (current.IsSequence()) {
        if (current.size() == 0) fail(source, current.Mark(), "empty array in the attention weights");
        shape.push_back(current.size());
        if (shape.size() > 4)
            fail(source, node.Mark(),
                 "attention nested more than 4 deep; expected [layers, heads, queries, keys] at most");
        current.reset(current[0]);  // rebind: operator= would overwrite the node itself
    }
    if (shape.size() < 2)
        fail(source, node.Mark(), "expected attention as a nested array of at least [queries, keys]");
    return shape;
}

void flatten(const YAML::Node& node, const std::vector<std::size_t>& shape, std::size_t depth,
             std::vector<double>& data, const std::string& source) {
    if (depth == shape.size()) {
        if (!node.IsScalar()) fail(source, node.Mark(), "expected a number here, found an array or object");
        try {
            data.push_back(node.as<double>());
        } catch (const YAML::Exception&) {
            fail(source, node.Mark(), "'" + node.Scalar() + "' is not a number");
        }
        return;
    }
    if (!node.IsSequence() || node.size() != shape[depth])
        fail(source, node.Mark(),
             "ragged attention array: expected " + std::to_string(shape[depth]) + " entries at depth " +
                 std::to_string(depth) + " (shape " + shape_text(shape) + "), found " +
                 (node.IsSequence() ? std::to_string(node.size()) : std::string("a single value")));
    for (const YAML::Node& child : node) flatten(child, shape, depth + 1, data, source);
}

NpyArray read_array(const YAML::Node& node, const std::string& source) {
    NpyArray array;
    array.shape = leading_shape(node, source);
    double elements = 1;
    for (std::size_t extent : array.shape) elements *= static_cast<double>(extent);
    if (elements > ModelLimits::max_stored_numbers)
        fail(source, node.Mark(), "the array " + shape_text(array.shape) + " is too large to analyse");
    array.data.reserve(static_cast<std::size_t>(elements));
    flatten(node, array.shape, 0, array.data, source);
    return array;
}

std::vector<std::string> read_tokens(const YAML::Node& node, const std::string& source) {
    if (!node.IsSequence()) fail(source, node.Mark(), "'tokens' must be an array of strings");
    std::vector<std::string> tokens;
    for (const YAML::Node& token : node) {
        if (!token.IsScalar()) fail(source, token.Mark(), "each token must be a string");
        tokens.push_back(token.Scalar());
    }
    return tokens;
}

}  // namespace

JsonAttention parse_json_attention(const std::string& text, const std::string& source) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& error) {
        fail(source, error.mark, "invalid JSON: " + error.msg);
    }
    JsonAttention result;
    if (root.IsSequence()) {
        result.array = read_array(root, source);
        return result;
    }
    if (!root.IsMap())
        fail(source, root.Mark(), "expected a nested array of attention weights or an object with \"attention\"");
    const std::vector<std::string> known = {"tokens", "attention"};
    for (const auto& entry : root) {
        const std::string key = entry.first.Scalar();
        if (key != "tokens" && key != "attention")
            fail(source, entry.first.Mark(),
                 "unknown key '" + key + "' (expected \"tokens\" and \"attention\")" + did_you_mean(key, known));
    }
    if (!root["attention"]) fail(source, root.Mark(), "the object has no \"attention\" array");
    result.array = read_array(root["attention"], source);
    if (root["tokens"]) result.tokens = read_tokens(root["tokens"], source);
    return result;
}

JsonAttention read_json_attention(const std::string& path) {
    return parse_json_attention(read_input_file(path, {"weights file", limits::weights_json_bytes}), path);
}

}  // namespace attnreel::attention
