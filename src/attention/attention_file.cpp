#include "attention/attention_file.hpp"

#include "attention/json_loader.hpp"
#include "attention/npy_loader.hpp"
#include "attention/tokens.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cctype>

namespace attnreel::attention {

namespace {

bool has_extension(const std::string& path, const std::string& extension) {
    if (path.size() < extension.size()) return false;
    return std::equal(extension.rbegin(), extension.rend(), path.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace

LoadedAttention load_attention_file(const std::string& path, const std::optional<std::vector<std::string>>& tokens,
                                    double tolerance) {
    NpyArray array;
    std::vector<std::string> file_tokens;
    if (has_extension(path, ".npy")) {
        array = read_npy(path);
    } else if (has_extension(path, ".json")) {
        JsonAttention json = read_json_attention(path);
        array = std::move(json.array);
        file_tokens = std::move(json.tokens);
    } else {
        throw InputError(SourceMark{path, 0, 0}, "expected attention weights in a .npy or .json file");
    }
    LoadedAttention loaded;
    loaded.stack = attention_from_array(array.shape, array.data, path);
    const std::size_t queries = array.shape[array.shape.size() - 2];
    loaded.tokens = tokens ? *tokens : !file_tokens.empty() ? file_tokens : placeholder_tokens(queries);
    const std::size_t keys = array.shape.back();
    const std::size_t n = loaded.tokens.size();
    if (queries != n || keys != n) {
        std::vector<std::size_t> expected = array.shape;
        expected[expected.size() - 2] = expected.back() = n;
        throw InputError(SourceMark{path, 0, 0}, "attention of shape " + shape_text(array.shape) + " does not fit " +
                                                     std::to_string(n) + " tokens: expected shape " +
                                                     shape_text(expected));
    }
    validate_attention_stack(loaded.stack, n, path, tolerance);
    return loaded;
}

}  // namespace attnreel::attention
