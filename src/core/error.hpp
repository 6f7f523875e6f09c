#pragma once
// Errors are values the author reads: where (file:line:col), what was expected, and the
// nearest valid word. InputError means bad input (exit 2); anything else is internal (exit 1).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel {

// A place in an input file; line and column are 1-based, 0 when unknown.
struct SourceMark {
    std::string file;
    int line = 0;
    int column = 0;

    std::string to_string() const;  // "file:line:col", or less when parts are unknown
};

class InputError : public std::runtime_error {
public:
    InputError(SourceMark mark, const std::string& message);
    explicit InputError(const std::string& message) : InputError(SourceMark{}, message) {}
    const SourceMark& mark() const { return mark_; }
    const std::string& message() const { return message_; }  // without the location prefix

private:
    SourceMark mark_;
    std::string message_;
};

// The candidate closest to `word` by edit distance, or "" when none is close enough to be
// a plausible typo.
std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace attnreel
