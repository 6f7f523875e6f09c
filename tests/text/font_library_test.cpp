#include "core/error.hpp"
#include "text/font_library.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include <hb.h>
#include <optional>

using namespace attnreel;
using namespace attnreel::text;
namespace fs = std::filesystem;

namespace {

const fs::path fonts_dir = fs::path(ATTNREEL_SOURCE_DIR) / "fonts";

std::string input_error_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.message();
    }
    return "no error";
}

std::uint32_t glyph_of(FontLibrary& fonts, FaceId face, char32_t c) {
    hb_codepoint_t glyph = 0;
    hb_font_get_nominal_glyph(fonts.hb_font(face), c, &glyph);
    return glyph;
}

// Twice the signed area of each closed subpath (positive = counter-clockwise, y up).
std::vector<double> contour_areas(const Path& path) {
    std::vector<double> areas;
    for (const auto& contour : path.flatten(0.001)) {
        double area = 0;
        for (std::size_t i = 0; i < contour.points.size(); ++i) {
            const Vec2& a = contour.points[i];
            const Vec2& b = contour.points[(i + 1) % contour.points.size()];
            area += a.x() * b.y() - b.x() * a.y();
        }
        areas.push_back(area);
    }
    return areas;
}

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("every bundled face name loads, each from its own file", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    std::vector<FaceId> ids;
    for (const auto& named : named_faces()) {
        const FaceId id = fonts.face(named.name);
        CHECK(fonts.file_of(id) == fonts_dir / named.file);
        CHECK(std::find(ids.begin(), ids.end(), id) == ids.end());
        ids.push_back(id);
    }
    CHECK(ids.size() >= 8);
}

TEST_CASE("a face is loaded once whether named or given by path", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    const FaceId by_name = fonts.face("sans");
    CHECK(fonts.face("sans") == by_name);
    CHECK(fonts.face((fonts_dir / "inter/Inter-Regular.otf").string()) == by_name);
    CHECK(fonts.face((fonts_dir / "inter/../inter/Inter-Regular.otf").string()) == by_name);
    CHECK(fonts.last_resort() == fonts.face((fonts_dir / "dejavu/DejaVuSans.ttf").string()));
}

TEST_CASE("an unknown face name is an input error suggesting the nearest name", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    const std::string message = input_error_message([&] { fonts.face("sans-blod"); });
    CHECK_THAT(message, Catch::Contains("unknown font 'sans-blod'"));
    CHECK_THAT(message, Catch::Contains("did you mean 'sans-bold'?"));
}

TEST_CASE("a missing font file is an input error naming the path", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    const std::string path = (fonts_dir / "nowhere/Missing-Regular.ttf").string();
    try {
        fonts.face(path);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.what() == path + ": no such file");
    }
    // Where the scene names the font, the error is there.
    try {
        fonts.face(path, {"scene.yaml", 3, 9});
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.what() == "scene.yaml:3:9: font file '" + path + "': no such file");
    }
}

TEST_CASE("a file that is not a font is an input error naming the path", "[text][fonts]") {
    const fs::path path = fs::temp_directory_path() / "attnreel-text-not-a-font.ttf";
    std::ofstream(path) << "this is plain text, not a font\n";
    FontLibrary fonts(fonts_dir);
    std::string message;
    try {
        fonts.face(path.string());
    } catch (const InputError& e) {
        message = e.what();
    }
    fs::remove(path);
    CHECK(message == path.string() + ": not a font file FreeType can read");
}

TEST_CASE("the font directory can be overridden with ATTNREEL_FONT_DIR", "[text][fonts]") {
    const fs::path empty_dir = fs::temp_directory_path() / "attnreel-text-empty-font-dir";
    fs::create_directories(empty_dir);
    {
        ScopedEnvironment environment("ATTNREEL_FONT_DIR", empty_dir.string());
        CHECK(default_font_dir() == empty_dir);
        FontLibrary fonts;
        CHECK(fonts.font_dir() == empty_dir);
        const std::string message = input_error_message([&] { fonts.face("mono"); });
        const fs::path expected = empty_dir / "jetbrains-mono/JetBrainsMono-Regular.ttf";
        CHECK_THAT(message, Catch::Contains(expected.string()));
    }
    {
        ScopedEnvironment environment("ATTNREEL_FONT_DIR", "");
        CHECK(fs::is_regular_file(default_font_dir() / "inter/Inter-Regular.otf"));
    }
    fs::remove(empty_dir);
}

TEST_CASE("face metrics come from the font's own tables, in em units", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    FT_Library library;
    REQUIRE(FT_Init_FreeType(&library) == 0);
    for (const char* name : {"sans", "mono", "dejavu", "math"}) {
        INFO(name);
        const FaceId id = fonts.face(name);
        FT_Face face;
        REQUIRE(FT_New_Face(library, fonts.file_of(id).c_str(), 0, &face) == 0);
        const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
        const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(face, FT_SFNT_HHEA));
        REQUIRE(os2 != nullptr);
        REQUIRE(hhea != nullptr);
        const double upem = face->units_per_EM;
        // OpenType: the typographic metrics when the font asks for them (fsSelection bit 7),
        // else hhea.
        const bool use_typo_metrics = (os2->fsSelection & (1u << 7)) != 0;
        const double ascent = (use_typo_metrics ? os2->sTypoAscender : hhea->Ascender) / upem;
        const double descent = -(use_typo_metrics ? os2->sTypoDescender : hhea->Descender) / upem;
        // sCapHeight and sxHeight exist from OS/2 version 2 on; older tables leave the tops
        // of 'H' and 'x'.
        const auto letter_top = [&](char letter) {
            REQUIRE(FT_Load_Char(face, static_cast<FT_ULong>(letter), FT_LOAD_NO_SCALE) == 0);
            FT_BBox box;
            FT_Outline_Get_CBox(&face->glyph->outline, &box);
            return box.yMax / upem;
        };
        const double cap_height = os2->version >= 2 ? os2->sCapHeight / upem : letter_top('H');
        const double x_height = os2->version >= 2 ? os2->sxHeight / upem : letter_top('x');
        FT_Done_Face(face);

        const FaceMetrics metrics = fonts.metrics(id);
        CHECK(fonts.units_per_em(id) == upem);
        CHECK(metrics.ascent == Approx(ascent));
        CHECK(metrics.descent == Approx(descent));
        CHECK(metrics.descent > 0);
        CHECK(metrics.cap_height == Approx(cap_height));
        CHECK(metrics.x_height == Approx(x_height));
        CHECK(metrics.x_height > 0.3);
        CHECK(metrics.x_height < metrics.cap_height);
    }
    FT_Done_FreeType(library);
}

TEST_CASE("glyph coverage tells which face has a character", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    CHECK(fonts.has_glyph_for(fonts.face("sans"), U'A'));
    CHECK_FALSE(fonts.has_glyph_for(fonts.face("sans"), U'\u05E9'));  // Hebrew shin
    CHECK(fonts.has_glyph_for(fonts.last_resort(), U'\u05E9'));
}

TEST_CASE("glyph outlines are loaded once and served from the cache", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const std::uint32_t glyph = glyph_of(fonts, sans, U'g');
    const Path& first = fonts.glyph_outline(sans, glyph);
    // Loading other glyphs in between must not move or change the cached one.
    for (char32_t c = U'a'; c <= U'z'; ++c) fonts.glyph_outline(sans, glyph_of(fonts, sans, c));
    const Path& second = fonts.glyph_outline(sans, glyph);
    CHECK(&first == &second);
    CHECK_FALSE(first.empty());
}

TEST_CASE("glyph outlines are closed contours whose holes wind against their outsides", "[text][fonts]") {
    // This is what makes nonzero winding (Cairo's default) fill them correctly.
    FontLibrary fonts(fonts_dir);
    for (const char* name : {"sans", "mono", "dejavu"}) {
        INFO(name);
        const FaceId face = fonts.face(name);
        const Path& o = fonts.glyph_outline(face, glyph_of(fonts, face, U'O'));
        REQUIRE(std::count(o.verbs().begin(), o.verbs().end(), Verb::Move) == 2);
        CHECK(std::count(o.verbs().begin(), o.verbs().end(), Verb::Close) == 2);
        const std::vector<double> areas = contour_areas(o);
        REQUIRE(areas.size() == 2);
        CHECK(areas[0] * areas[1] < 0);
    }
}

TEST_CASE("a space has no outline", "[text][fonts]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    CHECK(fonts.glyph_outline(sans, glyph_of(fonts, sans, U' ')).empty());
}
