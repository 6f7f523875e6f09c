// Which face each styled span uses.
#include "text/style_faces.hpp"

#include "text/font_library.hpp"

#include <catch2/catch.hpp>

using namespace attnreel::text;

namespace {

TextStyle style(bool bold, bool italic, bool mono = false) {
    TextStyle s;
    s.bold = bold;
    s.italic = italic;
    s.mono = mono;
    return s;
}

}  // namespace

TEST_CASE("bold and italic spans in sans text take Inter's faces", "[faces]") {
    CHECK(face_for_style("sans", style(false, false)) == "sans");
    CHECK(face_for_style("sans", style(true, false)) == "sans-bold");
    CHECK(face_for_style("sans", style(false, true)) == "sans-italic");
    CHECK(face_for_style("sans", style(true, true)) == "sans-bold-italic");
}

TEST_CASE("monospace spans take JetBrains Mono's faces, and bold in mono text is mono-bold", "[faces]") {
    CHECK(face_for_style("sans", style(false, false, true)) == "mono");
    CHECK(face_for_style("sans", style(true, false, true)) == "mono-bold");
    CHECK(face_for_style("sans", style(false, true, true)) == "mono-italic");
    CHECK(face_for_style("sans", style(true, true, true)) == "mono-bold-italic");
    CHECK(face_for_style("mono", style(true, false)) == "mono-bold");
    CHECK(face_for_style("mono", style(false, true)) == "mono-italic");
}

TEST_CASE("a style adds to the weight and slant of the text's own font", "[faces]") {
    CHECK(face_for_style("sans-italic", style(true, false)) == "sans-bold-italic");
    CHECK(face_for_style("sans-bold", style(false, true)) == "sans-bold-italic");
    CHECK(face_for_style("sans-bold", style(false, false, true)) == "mono-bold");
    CHECK(face_for_style("sans-semibold", style(true, false)) == "sans-bold");
    CHECK(face_for_style("dejavu", style(true, false)) == "dejavu-bold");
    // Fonts without styled faces of their own borrow Inter's; plain text keeps the font.
    CHECK(face_for_style("math", style(true, false)) == "sans-bold");
    CHECK(face_for_style("fonts/Custom.ttf", style(false, true)) == "sans-italic");
    CHECK(face_for_style("fonts/Custom.ttf", style(false, false)) == "fonts/Custom.ttf");
}

TEST_CASE("every face a style can choose is bundled", "[faces]") {
    FontLibrary fonts;
    for (const char* base : {"sans", "sans-bold", "sans-italic", "sans-semibold", "mono", "mono-bold", "dejavu", "math"})
        for (int bits = 0; bits < 8; ++bits) {
            const std::string name = face_for_style(base, style(bits & 1, bits & 2, bits & 4));
            INFO(base << " with style bits " << bits << " gives " << name);
            CHECK_NOTHROW(fonts.face(name));
        }
    // The JetBrains Mono italics are real italics: their files are their own.
    CHECK(fonts.file_of(fonts.face("mono-italic")).filename() == "JetBrainsMono-Italic.ttf");
    CHECK(fonts.file_of(fonts.face("mono-bold-italic")).filename() == "JetBrainsMono-BoldItalic.ttf");
}
