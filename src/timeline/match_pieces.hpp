#pragma once
// Which piece of one formula becomes which piece of the next in a transform. Pieces pair
// only with pieces of the same matching key. The longest common subsequence of the two
// key sequences pairs first, so that the symbols both formulas share in the same order
// stay together (x = a+b → y = x = a+b keeps "x = a+b" whole); the pieces left over then
// pair by key in reading order, so that a+b → b+a moves each letter to its own place.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace attnreel {

// For each piece of `from`, the index in `to` of the piece it becomes, or none when it
// has no partner (it fades out). A piece of `to` that no piece becomes fades in.
std::vector<std::optional<std::size_t>> match_pieces(const std::vector<std::string>& from,
                                                     const std::vector<std::string>& to);

}  // namespace attnreel
