#pragma once
// A small JSON writer: objects and arrays indented two spaces, arrays of numbers (and
// matrix rows) on one line, numbers in the shortest form that reads back to the same double.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attnreel::attention {

class JsonWriter {
public:
    enum class Layout { block, one_line };

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array(Layout layout = Layout::block);
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);  // inside an object, before each value

    // Numbers must be finite (JSON has no NaN or infinity): std::domain_error otherwise.
    JsonWriter& value(double number);
    JsonWriter& value(int number);
    JsonWriter& value(std::uint64_t number);  // exact, e.g. a seed beyond 2^53
    JsonWriter& value(bool flag);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& null();
    // [[row 0], [row 1], ...], each row on one line.
    JsonWriter& matrix(const Eigen::MatrixXd& m);
    // A mask as rows of 1 (may attend) and 0 (hidden).
    JsonWriter& boolean_matrix(const Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>& mask);
    JsonWriter& strings(const std::vector<std::string>& texts);  // one-line array

    // The document so far; complete once every container is closed.
    const std::string& str() const { return out_; }

private:
    struct Level {
        bool object;
        bool one_line;
        bool empty = true;
    };
    void before_value();
    void open(char bracket, bool object, Layout layout);
    void close(char bracket, bool object);
    void newline_and_indent();

    std::string out_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

// Shortest round-trip text of a finite double (std::to_chars); std::domain_error otherwise.
std::string json_number(double number);
// A quoted JSON string with ", \ and control characters escaped; UTF-8 passes through.
std::string json_string(std::string_view text);

}  // namespace attnreel::attention
