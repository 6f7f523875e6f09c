#include "core/error.hpp"
#include "text/shape.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb.h>
#include <thread>

using namespace attnreel;
using namespace attnreel::text;
namespace fs = std::filesystem;

namespace {

const fs::path fonts_dir = fs::path(ATTNREEL_SOURCE_DIR) / "fonts";

// Sum of HarfBuzz's advances for `text` shaped with the font file alone, in em units.
double harfbuzz_advance_in_em(const fs::path& file, const std::string& text) {
    hb_blob_t* blob = hb_blob_create_from_file(file.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    const unsigned upem = hb_face_get_upem(face);
    hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0, -1);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    double total = 0;
    for (unsigned i = 0; i < count; ++i) total += positions[i].x_advance;
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return total / upem;
}

double os2_cap_height_in_em(const fs::path& file) {
    FT_Library library;
    FT_Init_FreeType(&library);
    FT_Face face;
    FT_New_Face(library, file.c_str(), 0, &face);
    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    const double cap_height = os2 ? os2->sCapHeight / static_cast<double>(face->units_per_EM) : 0;
    FT_Done_Face(face);
    FT_Done_FreeType(library);
    return cap_height;
}

const ShapedGlyph& glyph_at_cluster(const ShapedText& shaped, std::size_t cluster) {
    const auto found = std::find_if(shaped.glyphs.begin(), shaped.glyphs.end(),
                                    [&](const ShapedGlyph& g) { return g.cluster == cluster; });
    REQUIRE(found != shaped.glyphs.end());
    return *found;
}

}  // namespace

TEST_CASE("font sizes are em sizes in pixels at 1080p", "[text][shape]") {
    CHECK(font_size_to_em(135) == Approx(1.0));
    CHECK(font_size_to_em(1080) == Approx(8.0));
    CHECK(font_size_to_em(36) == Approx(36.0 / 135.0));
}

TEST_CASE("shaped width is the sum of HarfBuzz advances and scales with the em size", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const std::string text = "Ayam makan Taufik";
    const double expected_em = harfbuzz_advance_in_em(fonts.file_of(sans), text);

    const ShapedText small = shape(fonts, text, {sans}, 0.5);
    const ShapedText large = shape(fonts, text, {sans}, 2.0);
    CHECK(small.width == Approx(0.5 * expected_em));
    CHECK(large.width == Approx(2.0 * expected_em));
    CHECK(small.glyphs.size() == text.size());

    double pen = 0;
    for (const auto& g : small.glyphs) {
        CHECK(g.origin.x() == Approx(pen).margin(1e-12));
        pen += g.advance;
    }
    CHECK(pen == Approx(small.width));
}

TEST_CASE("outlines are positioned at their pen position and scaled to the em size", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const ShapedText one = shape(fonts, "HH", {sans}, 1.0);
    const ShapedText three = shape(fonts, "HH", {sans}, 3.0);
    REQUIRE(one.glyphs.size() == 2);
    const BBox first = one.glyphs[0].outline.bounds();
    const BBox second = one.glyphs[1].outline.bounds();
    CHECK(second.min.x() - first.min.x() == Approx(one.glyphs[0].advance));
    CHECK(second.height() == Approx(first.height()));
    CHECK(three.glyphs[0].outline.bounds().height() == Approx(3 * first.height()));
}

TEST_CASE("kerning pulls a kerned pair closer than the two glyphs shaped apart", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    for (const std::string pair : {"AV", "To"}) {
        INFO(pair);
        const double together = shape(fonts, pair, {sans}, 1.0).width;
        const double apart = shape(fonts, pair.substr(0, 1), {sans}, 1.0).width +
                             shape(fonts, pair.substr(1, 1), {sans}, 1.0).width;
        CHECK(together < apart - 0.01);
    }
}

TEST_CASE("ascent and descent come from the first face of the chain", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId mono = fonts.face("mono");
    const ShapedText shaped = shape(fonts, "x", {mono, fonts.face("sans")}, 2.0);
    CHECK(shaped.ascent == Approx(2.0 * fonts.metrics(mono).ascent));
    CHECK(shaped.descent == Approx(2.0 * fonts.metrics(mono).descent));
    CHECK(shaped.descent > 0);
}

TEST_CASE("the cap height of H matches the font's OS/2 table", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const double em = 1.7;
    const ShapedText shaped = shape(fonts, "H", {sans}, em);
    REQUIRE(shaped.glyphs.size() == 1);
    const BBox box = shaped.glyphs[0].outline.bounds();
    CHECK(box.max.y() == Approx(os2_cap_height_in_em(fonts.file_of(sans)) * em).margin(0.005 * em));
    CHECK(box.min.y() == Approx(0).margin(0.005 * em));  // sits on the baseline, y up
    CHECK(box.min.x() >= 0);
    CHECK(box.max.x() <= shaped.width);
}

TEST_CASE("spaces advance the pen but draw nothing", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const ShapedText shaped = shape(fonts, "a b", {sans}, 1.0);
    REQUIRE(shaped.glyphs.size() == 3);
    CHECK(shaped.glyphs[1].outline.empty());
    CHECK(shaped.glyphs[1].advance > 0.1);
    CHECK(shaped.glyphs[2].origin.x() > shaped.glyphs[0].advance + 0.1);
}

TEST_CASE("accented text shapes with clusters at byte offsets", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const std::string precomposed = "na\xC3\xAFve";  // naïve with U+00EF
    const std::string decomposed = "nai\xCC\x88ve";  // i + U+0308 combining diaeresis
    const ShapedText shaped = shape(fonts, precomposed, {sans}, 1.0);
    REQUIRE(shaped.glyphs.size() == 5);
    std::vector<std::size_t> clusters;
    for (const auto& g : shaped.glyphs) {
        CHECK_FALSE(g.outline.empty());
        CHECK(g.face == sans);
        clusters.push_back(g.cluster);
    }
    CHECK(clusters == std::vector<std::size_t>{0, 1, 2, 4, 5});

    // The decomposed spelling draws the same: HarfBuzz composes it or stacks the mark.
    const ShapedText from_decomposed = shape(fonts, decomposed, {sans}, 1.0);
    CHECK(from_decomposed.width == Approx(shaped.width));
    BBox a, b;
    for (const auto& g : shaped.glyphs) a.add(g.outline.bounds());
    for (const auto& g : from_decomposed.glyphs) b.add(g.outline.bounds());
    CHECK(a.max.y() == Approx(b.max.y()).margin(0.01));
}

TEST_CASE("a character missing from the chain falls back to DejaVu Sans", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    REQUIRE_FALSE(fonts.has_glyph_for(sans, U'\u05E9'));
    const ShapedText shaped = shape(fonts, "x \xD7\xA9", {sans}, 1.0);  // "x ש"
    REQUIRE(shaped.glyphs.size() == 3);
    CHECK(glyph_at_cluster(shaped, 0).face == sans);
    const ShapedGlyph& shin = glyph_at_cluster(shaped, 2);
    CHECK(shin.face == fonts.last_resort());
    CHECK(fonts.file_of(shin.face) == fonts_dir / "dejavu/DejaVuSans.ttf");
    CHECK_FALSE(shin.outline.empty());
}

TEST_CASE("a font added by path takes precedence in the chain", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const FaceId user_mono = fonts.face((fonts_dir / "jetbrains-mono/JetBrainsMono-Regular.ttf").string());
    const ShapedText latin = shape(fonts, "ab", {user_mono, sans}, 1.0);
    for (const auto& g : latin.glyphs) CHECK(g.face == user_mono);

    // A fallback font before the last resort wins for what the primary lacks.
    const FaceId user_bold = fonts.face((fonts_dir / "dejavu/DejaVuSans-Bold.ttf").string());
    const ShapedText hebrew = shape(fonts, "a\xD7\xA9", {sans, user_bold}, 1.0);  // "aש"
    CHECK(glyph_at_cluster(hebrew, 0).face == sans);
    CHECK(glyph_at_cluster(hebrew, 1).face == user_bold);
}

TEST_CASE("right-to-left words are laid out in visual order", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    // "abc שלום": Hebrew letters at bytes 4 (ש), 6 (ל), 8 (ו), 10 (ם).
    const std::string text = "abc \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    const ShapedText shaped = shape(fonts, text, {sans}, 1.0);
    REQUIRE(shaped.glyphs.size() == 8);

    // Left-to-right paragraph: Latin first, then the Hebrew word read right to left.
    std::vector<std::size_t> clusters;
    for (const auto& g : shaped.glyphs) clusters.push_back(g.cluster);
    CHECK(clusters == std::vector<std::size_t>{0, 1, 2, 3, 10, 8, 6, 4});
    CHECK(glyph_at_cluster(shaped, 4).origin.x() > glyph_at_cluster(shaped, 10).origin.x());
    CHECK(glyph_at_cluster(shaped, 10).origin.x() > glyph_at_cluster(shaped, 2).origin.x());
    for (std::size_t i = 1; i < shaped.glyphs.size(); ++i)
        CHECK(shaped.glyphs[i].origin.x() > shaped.glyphs[i - 1].origin.x());
}

TEST_CASE("a right-to-left paragraph puts embedded Latin on the left", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    // "שלום abc": the paragraph is RTL, so "abc" (bytes 9..11) ends up leftmost, in order.
    const std::string text = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D abc";
    const ShapedText shaped = shape(fonts, text, {fonts.face("sans")}, 1.0);
    std::vector<std::size_t> clusters;
    for (const auto& g : shaped.glyphs) clusters.push_back(g.cluster);
    CHECK(clusters == std::vector<std::size_t>{9, 10, 11, 8, 6, 4, 2, 0});
}

TEST_CASE("Arabic letters join inside a word", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const std::string beh = "\xD8\xA8";  // ب
    const ShapedText alone = shape(fonts, beh, {sans}, 1.0);
    const ShapedText word = shape(fonts, beh + beh + beh, {sans}, 1.0);
    REQUIRE(alone.glyphs.size() == 1);
    REQUIRE(word.glyphs.size() == 3);
    // Initial, medial and final forms are different glyphs from the isolated one.
    for (const auto& g : word.glyphs) CHECK(g.glyph != alone.glyphs[0].glyph);
    // Visual order: the logically first letter (byte 0) is rightmost.
    CHECK(word.glyphs.back().cluster == 0);
    CHECK(word.glyphs.front().cluster == 4);
}

TEST_CASE("repeated shaping gives identical outlines", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const std::vector<FaceId> chain = {fonts.face("sans")};
    const std::string text = "Attention \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D na\xC3\xAFve";
    const ShapedText first = shape(fonts, text, chain, 0.8);
    const ShapedText second = shape(fonts, text, chain, 0.8);
    REQUIRE(first.glyphs.size() == second.glyphs.size());
    for (std::size_t i = 0; i < first.glyphs.size(); ++i) {
        CHECK(first.glyphs[i].outline == second.glyphs[i].outline);
        CHECK(first.glyphs[i].cluster == second.glyphs[i].cluster);
    }
}

TEST_CASE("invalid UTF-8 is an input error naming the byte", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const std::vector<FaceId> chain = {fonts.face("sans")};
    CHECK_THROWS_WITH(shape(fonts, "ok\xC3\x28", chain, 1.0), Catch::Contains("invalid UTF-8 at byte 2"));
    CHECK_THROWS_WITH(shape(fonts, "\xE2\x82", chain, 1.0), Catch::Contains("invalid UTF-8 at byte 0"));
    CHECK_THROWS_WITH(shape(fonts, "\xC0\xAF", chain, 1.0), Catch::Contains("invalid UTF-8 at byte 0"));
    CHECK_THROWS_AS(shape(fonts, "\xC3\x28", chain, 1.0), InputError);
}

TEST_CASE("a font size that is not positive is an input error", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const std::vector<FaceId> chain = {fonts.face("sans")};
    CHECK_THROWS_AS(shape(fonts, "a", chain, 0.0), InputError);
    CHECK_THROWS_AS(shape(fonts, "a", chain, -1.0), InputError);
}

TEST_CASE("empty text has no glyphs but keeps the face's line metrics", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const ShapedText shaped = shape(fonts, "", {sans}, 1.0);
    CHECK(shaped.glyphs.empty());
    CHECK(shaped.width == 0);
    CHECK(shaped.ascent == Approx(fonts.metrics(sans).ascent));
}

TEST_CASE("an empty chain means the sans face", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const ShapedText shaped = shape(fonts, "a", {}, 1.0);
    REQUIRE(shaped.glyphs.size() == 1);
    CHECK(shaped.glyphs[0].face == fonts.face("sans"));
}

TEST_CASE("punctuation between fallback letters stays in the fallback face", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    REQUIRE(fonts.has_glyph_for(sans, U','));
    // "שלום, (עולם)": comma, space and brackets follow the Hebrew letters' face.
    const std::string text = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, (\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D)";
    const ShapedText shaped = shape(fonts, text, {sans}, 1.0);
    for (std::size_t cluster : {8, 9, 10, 19})
        CHECK(glyph_at_cluster(shaped, cluster).face == fonts.last_resort());

    // Opening punctuation takes the face of the letter after it.
    const ShapedText bracketed = shape(fonts, "(\xD7\xA9)", {sans}, 1.0);
    CHECK(glyph_at_cluster(bracketed, 0).face == fonts.last_resort());
    CHECK(glyph_at_cluster(bracketed, 3).face == fonts.last_resort());
}

TEST_CASE("tabs and newlines shape as spaces, never as a missing-glyph box", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const ShapedText spaced = shape(fonts, "a b", {sans}, 1.0);
    for (const std::string text : {"a\tb", "a\nb"}) {
        const ShapedText shaped = shape(fonts, text, {sans}, 1.0);
        REQUIRE(shaped.glyphs.size() == 3);
        CHECK(shaped.glyphs[1].outline.empty());
        CHECK(shaped.glyphs[1].cluster == 1);
        CHECK(shaped.width == Approx(spaced.width));
    }
}

TEST_CASE("one library can shape from several threads at once", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const std::vector<FaceId> chain = {fonts.face("sans"), fonts.face("mono")};
    const std::string text =
        "Queries \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D keys \xD8\xA8\xD8\xA8 values \xCE\xB1\xCE\xB2";
    std::vector<ShapedText> results(4);
    {
        std::vector<std::thread> workers;
        for (auto& result : results)
            workers.emplace_back([&] { result = shape(fonts, text, chain, 1.0); });
        for (auto& w : workers) w.join();
    }
    const ShapedText reference = shape(fonts, text, chain, 1.0);
    for (const auto& result : results) {
        REQUIRE(result.glyphs.size() == reference.glyphs.size());
        for (std::size_t i = 0; i < result.glyphs.size(); ++i)
            CHECK(result.glyphs[i].outline == reference.glyphs[i].outline);
    }
}

TEST_CASE("styled ranges shape each stretch in its own face, on one line", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans"), bold = fonts.face("sans-bold"), mono = fonts.face("mono");
    // "ab cd ef": "cd" bold, "ef" mono; the pen runs on across the ranges.
    const ShapedText shaped =
        shape_styled(fonts, "ab cd ef", std::vector<FaceRange>{{0, 3, {sans}}, {3, 5, {bold}}, {5, 8, {mono}}}, 1.0);
    REQUIRE(shaped.glyphs.size() == 8);
    CHECK(glyph_at_cluster(shaped, 1).face == sans);
    CHECK(glyph_at_cluster(shaped, 3).face == bold);
    CHECK(glyph_at_cluster(shaped, 4).face == bold);
    CHECK(glyph_at_cluster(shaped, 5).face == mono);  // the space before "ef" is in the mono range
    CHECK(glyph_at_cluster(shaped, 7).face == mono);
    const ShapedText bold_alone = shape(fonts, "cd", {bold}, 1.0);
    CHECK(glyph_at_cluster(shaped, 4).origin.x() - glyph_at_cluster(shaped, 3).origin.x() ==
          Approx(bold_alone.glyphs[1].origin.x()));
    // Ascent and descent are the first range's face's.
    CHECK(shaped.ascent == Approx(fonts.metrics(sans).ascent));
}

TEST_CASE("one range covering the text shapes exactly as the chain alone", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const std::string text = "Attention \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, \xCE\xB1\xCE\xB2";
    const ShapedText plain = shape(fonts, text, {fonts.face("sans")}, 0.4);
    const ShapedText ranged = shape_styled(fonts, text, std::vector<FaceRange>{{0, text.size(), {fonts.face("sans")}}}, 0.4);
    REQUIRE(plain.glyphs.size() == ranged.glyphs.size());
    for (std::size_t i = 0; i < plain.glyphs.size(); ++i) {
        CHECK(plain.glyphs[i].outline == ranged.glyphs[i].outline);
        CHECK(plain.glyphs[i].cluster == ranged.glyphs[i].cluster);
    }
    CHECK(plain.width == ranged.width);
}

TEST_CASE("bidi reorders across styled ranges: a Hebrew word split over two styles stays one word", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    // "abc שלום" with "של" bold and "ום" regular: still read right to left as one word.
    const std::string text = "abc \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    const FaceId sans = fonts.face("sans"), bold = fonts.face("sans-bold");
    const ShapedText shaped =
        shape_styled(fonts, text, std::vector<FaceRange>{{0, 4, {sans}}, {4, 8, {bold}}, {8, 12, {sans}}}, 1.0);
    std::vector<std::size_t> clusters;
    for (const auto& g : shaped.glyphs) clusters.push_back(g.cluster);
    CHECK(clusters == std::vector<std::size_t>{0, 1, 2, 3, 10, 8, 6, 4});
}

TEST_CASE("a space between styles takes a face of its own range, not the one before", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans"), mono = fonts.face("mono");
    const ShapedText shaped = shape_styled(fonts, "ab c", std::vector<FaceRange>{{0, 2, {mono}}, {2, 4, {sans}}}, 1.0);
    CHECK(glyph_at_cluster(shaped, 2).face == sans);
}

TEST_CASE("styled ranges must cover the text", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    CHECK_THROWS_AS(shape_styled(fonts, "abcd", std::vector<FaceRange>{{0, 2, {sans}}}, 1.0), InputError);
    CHECK_THROWS_AS(shape_styled(fonts, "abcd", std::vector<FaceRange>{{1, 4, {sans}}}, 1.0), InputError);
}

namespace {

std::vector<std::uint32_t> glyph_ids(const ShapedText& shaped) {
    std::vector<std::uint32_t> ids;
    for (const auto& g : shaped.glyphs) ids.push_back(g.glyph);
    return ids;
}

// The glyphs of `text` shaped one character at a time: what "as written" must give.
std::vector<std::uint32_t> one_by_one(FontLibrary& fonts, const std::string& text, FaceId face) {
    std::vector<std::uint32_t> ids;
    for (char c : text) ids.push_back(shape(fonts, std::string(1, c), {face}, 1.0).glyphs.at(0).glyph);
    return ids;
}

}  // namespace

TEST_CASE("tokens shaped as written keep every character: no arrow for ->, no times sign in 2x2", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    for (const char* name : {"sans", "mono"}) {
        const FaceId face = fonts.face(name);
        for (const std::string text : {"->", "=>", "2x2", "<0x0A>", "!="}) {
            INFO(name << " " << text);
            CHECK(glyph_ids(shape(fonts, text, {face}, 1.0, as_written_features())) == one_by_one(fonts, text, face));
        }
    }
    // The fonts' defaults do turn them into something else, which is why tokens need this.
    const FaceId sans = fonts.face("sans"), mono = fonts.face("mono");
    CHECK(glyph_ids(shape(fonts, "2x2", {sans}, 1.0)) != one_by_one(fonts, "2x2", sans));
    CHECK(glyph_ids(shape(fonts, "->", {sans}, 1.0)) != one_by_one(fonts, "->", sans));
    CHECK(glyph_ids(shape(fonts, "=>", {mono}, 1.0)) != one_by_one(fonts, "=>", mono));
}

TEST_CASE("font features apply in order, the last for a tag winning, and only to their range", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    const auto plain = glyph_ids(shape(fonts, "2x2", {sans}, 1.0));
    CHECK(glyph_ids(shape(fonts, "2x2", {sans}, 1.0, {"-calt", "calt"})) == plain);
    CHECK(glyph_ids(shape(fonts, "2x2", {sans}, 1.0, {"calt", "-calt"})) == one_by_one(fonts, "2x2", sans));
    // "2x2 2x2": the first stretch as written, the second with the font's defaults.
    const ShapedText mixed = shape_styled(fonts, "2x2 2x2", {{0, 4, {sans}, as_written_features(), 1, 0}, {4, 7, {sans}, {}, 1, 0}}, 1.0);
    REQUIRE(mixed.glyphs.size() == 7);
    CHECK(mixed.glyphs[1].glyph == one_by_one(fonts, "x", sans)[0]);
    CHECK(mixed.glyphs[5].glyph == plain[1]);
    CHECK(is_font_feature("liga"));
    CHECK(is_font_feature("-calt"));
    CHECK(is_font_feature("ss01=1"));
    CHECK_FALSE(is_font_feature(""));
    CHECK_FALSE(is_font_feature("liga=x"));
    CHECK_FALSE(is_font_feature("ligaa"));
}

TEST_CASE("a character no font has is an input error naming it, never a .notdef box", "[text][shape]") {
    FontLibrary fonts(fonts_dir);
    const FaceId sans = fonts.face("sans");
    try {
        shape(fonts, "go \xF0\x9F\x9A\x80 now", {sans}, 1.0);  // "go 🚀 now"
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK_THAT(e.message(), Catch::Contains("'\xF0\x9F\x9A\x80' (U+1F680)"));
        CHECK_THAT(e.message(), Catch::Contains("no colour emoji"));
    }
    // DejaVu Sans, the last resort, has some symbols: they still draw.
    CHECK_NOTHROW(shape(fonts, "\xE2\x98\xBA \xE2\x98\x85", {sans}, 1.0));  // "☺ ★"
}
