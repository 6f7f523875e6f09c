// YamlReader::mark_at: errors found inside a scalar's value name their own line and column.
#include "io/yaml_reader.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;

namespace {

// The mark of byte `offset` of the value of key `key` in the top-level map of `text`.
SourceMark mark_in(const std::string& text, const std::string& key, std::size_t offset) {
    const YAML::Node root = parse_yaml_text(text, "f.yaml");
    const YamlReader in("f.yaml", text);
    return in.mark_at(root[key], offset);
}

std::string at(const SourceMark& m) { return std::to_string(m.line) + ":" + std::to_string(m.column); }

}  // namespace

TEST_CASE("mark_at is exact in a plain scalar", "[yaml]") {
    const std::string text = "first: 1\ntext: Hello <bx>world\n";
    CHECK(at(mark_in(text, "text", 0)) == "2:7");
    CHECK(at(mark_in(text, "text", 6)) == "2:13");   // the '<'
    CHECK(at(mark_in(text, "text", 15)) == "2:22");  // just past the end
    CHECK(mark_in(text, "text", 6).file == "f.yaml");
}

TEST_CASE("mark_at is exact in a plain scalar inside a flow map", "[yaml]") {
    const std::string text = "obj: {id: t, text: a<b>c}\n";
    const YAML::Node root = parse_yaml_text(text, "f.yaml");
    const YamlReader in("f.yaml", text);
    CHECK(at(in.mark_at(root["obj"]["text"], 1)) == "1:21");
}

TEST_CASE("mark_at counts a doubled quote in a single-quoted scalar as one byte of the value", "[yaml]") {
    const std::string text = "text: 'it''s <x>'\n";
    // value: it's <x>  — byte 5 is '<', which sits after the two quotes in the file.
    CHECK(at(mark_in(text, "text", 0)) == "1:8");
    CHECK(at(mark_in(text, "text", 3)) == "1:12");  // the 's' after the doubled quote
    CHECK(at(mark_in(text, "text", 5)) == "1:14");
    CHECK(at(mark_in(text, "text", 8)) == "1:17");  // past the end: the closing quote
}

TEST_CASE("mark_at maps literal block scalars line by line", "[yaml]") {
    const std::string text = "text: |\n  one\n\n  two <x>\n    indented\nnext: 1\n";
    // value: "one\n\ntwo <x>\n  indented\n"
    CHECK(at(mark_in(text, "text", 0)) == "2:3");
    CHECK(at(mark_in(text, "text", 3)) == "2:6");    // the first line break
    CHECK(at(mark_in(text, "text", 4)) == "3:1");    // the blank line
    CHECK(at(mark_in(text, "text", 9)) == "4:7");    // '<'
    CHECK(at(mark_in(text, "text", 15)) == "5:5");   // extra indentation is part of the value
    CHECK(at(mark_in(text, "text", 24)) == "5:13");  // past the end: after the last line's text
}

TEST_CASE("mark_at handles chomping indicators, comments and CRLF line ends in block scalars", "[yaml]") {
    CHECK(at(mark_in("text: |- # note\n   a<b\n", "text", 1)) == "2:5");
    CHECK(at(mark_in("text: |+\n  a\n  b<\n\n", "text", 3)) == "3:4");
    CHECK(at(mark_in("text: |\r\n  ab\r\n  c<d\r\n", "text", 4)) == "3:4");
}

TEST_CASE("mark_at counts columns in bytes, as yaml-cpp does", "[yaml]") {
    const std::string text = "text: é<x\n";  // é is two bytes
    CHECK(at(mark_in(text, "text", 2)) == "1:9");
}

TEST_CASE("mark_at falls back to the scalar's own mark for styles it cannot map", "[yaml]") {
    // Double quotes (escapes), folded blocks, multi-line plain scalars, explicit indentation.
    CHECK(at(mark_in("x: 1\ntext: \"a\\tb <x>\"\n", "text", 4)) == "2:7");
    CHECK(at(mark_in("text: >\n  one\n  two <x>\n", "text", 8)) == "1:7");
    CHECK(at(mark_in("text: one\n  two <x>\n", "text", 8)) == "1:7");
    CHECK(at(mark_in("text: |2\n   one <x>\n", "text", 5)) == "1:7");
    CHECK(at(mark_in("text: &a one <x>\n", "text", 4)) == "1:7");
    // An offset past the value, or a reader without the file's text.
    CHECK(at(mark_in("text: abc\n", "text", 10)) == "1:7");
    const YAML::Node root = parse_yaml_text("text: ab<c\n", "f.yaml");
    CHECK(at(YamlReader("f.yaml").mark_at(root["text"], 2)) == "1:7");
}
