#pragma once
// Where a byte of a YAML scalar's value sits in the file's text, so that an error found
// inside a value (a tag in a text's markup, a command in a formula) can name its own line
// and column instead of the scalar's.
#include <cstddef>
#include <optional>
#include <string_view>

namespace attnreel {

// `start` is the byte where the scalar begins in `file_text` (yaml-cpp's Mark::pos: the
// first character of a plain scalar, the opening quote, or the `|` of a block scalar) and
// `value` is the scalar's value as parsed. Returns the byte in `file_text` that byte
// `offset` of the value came from (offset == value.size() means just past its end). Plain
// and single-quoted scalars on one line and literal block scalars are mapped; any other
// style, or text that does not match the value, gives nullopt.
std::optional<std::size_t> scalar_byte_in_file(std::string_view file_text, std::size_t start,
                                               std::string_view value, std::size_t offset);

}  // namespace attnreel
