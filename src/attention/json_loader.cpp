#include "attention/json_loader.hpp"

#include "attention/model_spec.hpp"
#include "core/error.hpp"
#include "core/input_file.hpp"
#include "core/limits.hpp"

#include <nlohmann/json.hpp>

namespace attnreel::attention {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& message) {
    throw InputError(SourceMark{source, 0, 0}, message);
}

// Line and column (1-based) of byte `offset` of `text`.
SourceMark mark_of(const std::string& source, const std::string& text, std::size_t offset) {
    SourceMark mark{source, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++mark.line;
            mark.column = 1;
        } else {
            ++mark.column;
        }
    }
    return mark;
}

std::string place(const std::string& where, std::size_t i) { return where + "[" + std::to_string(i) + "]"; }

// The extents met by following first elements: [[[..]]] → its shape.
std::vector<std::size_t> leading_shape(const json& node, const std::string& where, const std::string& source) {
    std::vector<std::size_t> shape;
    const json* current = &node;
    std::string at = where;
    while (current->is_array()) {
        if (current->empty()) fail(source, at + ": empty array in the attention weights");
        shape.push_back(current->size());
        if (shape.size() > 4)
            fail(source, where + ": attention nested more than 4 deep; expected [layers, heads, queries, keys] at most");
        current = &(*current)[0];
        at = place(at, 0);
    }
    if (shape.size() < 2) fail(source, where + ": expected attention as a nested array of at least [queries, keys]");
    return shape;
}

void flatten(const json& node, const std::vector<std::size_t>& shape, std::size_t depth, const std::string& at,
             std::vector<double>& data, const std::string& source) {
    if (depth == shape.size()) {
        if (!node.is_number())
            fail(source, at + ": expected a number, found " +
                             (node.is_array() ? std::string("an array") : node.is_string() ? "the string " + node.dump()
                                                                                            : node.dump()));
        data.push_back(node.get<double>());
        return;
    }
    if (!node.is_array() || node.size() != shape[depth])
        fail(source, at + ": ragged attention array: expected " + std::to_string(shape[depth]) + " entries (shape " +
                         shape_text(shape) + "), found " +
                         (node.is_array() ? std::to_string(node.size()) : std::string("a single value")));
    for (std::size_t i = 0; i < node.size(); ++i) flatten(node[i], shape, depth + 1, place(at, i), data, source);
}

NpyArray read_array(const json& node, const std::string& where, const std::string& source) {
    NpyArray array;
    array.shape = leading_shape(node, where, source);
    double elements = 1;
    for (std::size_t extent : array.shape) elements *= static_cast<double>(extent);
    if (elements > ModelLimits::max_stored_numbers)
        fail(source, "the array " + shape_text(array.shape) + " is too large to analyse");
    array.data.reserve(static_cast<std::size_t>(elements));
    flatten(node, array.shape, 0, where, array.data, source);
    return array;
}

std::vector<std::string> read_tokens(const json& node, const std::string& key, const std::string& source) {
    if (!node.is_array()) fail(source, "\"" + key + "\" must be an array of strings");
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < node.size(); ++i) {
        if (!node[i].is_string()) fail(source, place(key, i) + ": each token must be a string");
        tokens.push_back(node[i].get<std::string>());
    }
    return tokens;
}

}  // namespace

JsonAttention parse_json_attention(const std::string& text, const std::string& source) {
    json root;
    try {
        root = json::parse(text);  // strict: anything after the document is an error
    } catch (const json::parse_error& error) {
        const std::string what = error.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..." → from "syntax error"
        const std::size_t detail = what.find(": ", what.find("parse error"));
        throw InputError(mark_of(source, text, error.byte > 0 ? error.byte - 1 : 0),
                         "invalid JSON: " + (detail == std::string::npos ? what : what.substr(detail + 2)));
    } catch (const json::exception& error) {  // a number too large for a double
        const std::string what = error.what();
        fail(source, "invalid JSON: " + what.substr(what.find(']') + 2));
    }
    JsonAttention result;
    if (root.is_array()) {
        result.array = read_array(root, "attention", source);
        return result;
    }
    if (!root.is_object())
        fail(source, "expected a nested array of attention weights or an object with \"attention\"");
    const std::vector<std::string> known = {"tokens", "queries", "keys", "attention"};
    for (const auto& [key, value] : root.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            fail(source, "unknown key '" + key + "' (expected \"tokens\", or \"queries\" and \"keys\", and \"attention\")" +
                             did_you_mean(key, known));
    if (!root.contains("attention")) fail(source, "the object has no \"attention\" array");
    result.array = read_array(root["attention"], "attention", source);
    if (root.contains("tokens")) result.tokens = read_tokens(root["tokens"], "tokens", source);
    if (root.contains("queries")) result.queries = read_tokens(root["queries"], "queries", source);
    if (root.contains("keys")) result.keys = read_tokens(root["keys"], "keys", source);
    if (root.contains("tokens") && (root.contains("queries") || root.contains("keys")))
        fail(source, "give \"tokens\" (self-attention) or \"queries\" and \"keys\" (cross-attention), not both");
    if (root.contains("queries") != root.contains("keys"))
        fail(source, "cross-attention needs both \"queries\" and \"keys\"");
    return result;
}

JsonAttention read_json_attention(const std::string& path) {
    return parse_json_attention(read_input_file(path, {"weights file", limits::weights_json_bytes}), path);
}

}  // namespace attnreel::attention
