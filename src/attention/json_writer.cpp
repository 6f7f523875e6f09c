#include "attention/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace attnreel::attention {

std::string json_number(double number) {
    if (!std::isfinite(number)) throw std::domain_error("JSON cannot hold a non-finite number");
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    return std::string(buffer, result.ptr);
}

std::string json_string(std::string_view text) {
    static const char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += hex[(c >> 4) & 0xF];
                    out += hex[c & 0xF];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

void JsonWriter::newline_and_indent() {
    out_ += '\n';
    out_.append(2 * levels_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {  // the key already placed us
        after_key_ = false;
        return;
    }
    if (levels_.empty()) return;
    Level& level = levels_.back();
    if (level.object) throw std::logic_error("JSON object members need a key");
    if (!level.empty) out_ += level.one_line ? ", " : ",";
    if (!level.one_line) newline_and_indent();
    level.empty = false;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (levels_.empty() || !levels_.back().object || after_key_)
        throw std::logic_error("a JSON key belongs directly inside an object");
    Level& level = levels_.back();
    if (!level.empty) out_ += level.one_line ? ", " : ",";
    if (!level.one_line) newline_and_indent();
    level.empty = false;
    out_ += json_string(name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::open(char bracket, bool object, Layout layout) {
    before_value();
    const bool inside_one_line = !levels_.empty() && levels_.back().one_line;
    out_ += bracket;
    levels_.push_back({object, inside_one_line || layout == Layout::one_line});
}

void JsonWriter::close(char bracket, bool object) {
    if (levels_.empty() || levels_.back().object != object || after_key_)
        throw std::logic_error("unbalanced JSON container");
    const Level level = levels_.back();
    levels_.pop_back();
    if (!level.empty && !level.one_line) newline_and_indent();
    out_ += bracket;
}

JsonWriter& JsonWriter::begin_object() {
    open('{', true, Layout::block);
    return *this;
}
JsonWriter& JsonWriter::end_object() {
    close('}', true);
    return *this;
}
JsonWriter& JsonWriter::begin_array(Layout layout) {
    open('[', false, layout);
    return *this;
}
JsonWriter& JsonWriter::end_array() {
    close(']', false);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    const std::string text = json_number(number);  // throws before anything is written
    before_value();
    out_ += text;
    return *this;
}

JsonWriter& JsonWriter::value(int number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    out_ += json_string(text);
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::matrix(const Eigen::MatrixXd& m) {
    begin_array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        begin_array(Layout::one_line);
        for (Eigen::Index j = 0; j < m.cols(); ++j) value(m(i, j));
        end_array();
    }
    return end_array();
}

JsonWriter& JsonWriter::boolean_matrix(const Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>& mask) {
    begin_array();
    for (Eigen::Index i = 0; i < mask.rows(); ++i) {
        begin_array(Layout::one_line);
        for (Eigen::Index j = 0; j < mask.cols(); ++j) value(mask(i, j) ? 1 : 0);
        end_array();
    }
    return end_array();
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts) {
    begin_array(Layout::one_line);
    for (const std::string& text : texts) value(std::string_view(text));
    return end_array();
}

}  // namespace attnreel::attention
