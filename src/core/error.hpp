#pragma once
// Errors are values the author reads: where (file:line:col), what was expected, and the
// nearest valid word. InputError means bad input and OutputError a file that could not be
// written (exit 2 for both); anything else is internal (exit 1).
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

// A file attnreel writes could not be written: a full disk, a read-only or missing folder.
// The message names the file, what failed and the system's reason ("No space left on
// device"). Like an InputError it is the user's to fix, so it exits with 2 too.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "<path>: <doing>: <strerror(errnum)>"
OutputError output_error(const std::string& path, const std::string& doing, int errnum);

// A number as a message shows it: the shortest text that reads back as the same double,
// without exponent for ordinary magnitudes ("1073741824", "0.001", "2.5") and with one for
// extreme ones ("1e+308", "1e-12"), never hundreds of digits.
std::string number_text(double value);

// The candidate closest to `word` by edit distance, or "" when none is close enough to be
// a plausible typo.
std::string nearest_word(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "" — ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace attnreel
