// Paragraph layout: where lines break, how they align, how far apart they sit.
#include "text/paragraph.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

using namespace attnreel;
using namespace attnreel::text;
using Catch::Detail::Approx;

namespace {

FontLibrary& library() {
    static FontLibrary fonts(std::filesystem::path(ATTNREEL_SOURCE_DIR) / "fonts");
    return fonts;
}

constexpr double kEm = 0.4;

Paragraph lay_out(const std::string& text, std::optional<double> width = std::nullopt, Align align = Align::Center,
                  double spacing = 1.15) {
    const FaceId sans = library().face("sans");
    ParagraphStyle style;
    style.em_size = kEm;
    style.width = width;
    style.align = align;
    style.line_spacing = spacing;
    return lay_out_paragraph(library(), text, {{0, text.size(), {sans}}}, sans, style);
}

std::vector<std::string> line_texts(const Paragraph& p, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& l : p.lines) out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

double shaped_width(const std::string& text) { return shape(library(), text, {library().face("sans")}, kEm).width; }

// The ink of the glyphs shown from bytes [begin, end).
BBox ink(const Paragraph& p, std::size_t begin, std::size_t end) {
    BBox b;
    for (const auto& g : p.glyphs)
        if (g.byte >= begin && g.byte < end && !g.outline.empty()) b.add(g.outline.bounds());
    return b;
}

const std::string kText =
    "Attention lets every token look at every other token and decide how much of each it wants to take in.";

}  // namespace

TEST_CASE("wrapped lines are never wider than the width, and greedy: the next word would not fit", "[paragraph]") {
    for (double width : {2.0, 3.0, 4.5}) {
        INFO("width " << width);
        const Paragraph p = lay_out(kText, width);
        const auto lines = line_texts(p, kText);
        REQUIRE(lines.size() > 1);
        std::string rejoined;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            INFO("line '" << lines[k] << "'");
            CHECK(p.lines[k].width <= width);
            CHECK(p.lines[k].width == Approx(shaped_width(lines[k])));
            CHECK(lines[k].front() != ' ');
            CHECK(lines[k].back() != ' ');
            if (k + 1 < lines.size()) {
                const std::string next_word = lines[k + 1].substr(0, lines[k + 1].find(' '));
                CHECK(shaped_width(lines[k] + " " + next_word) > width);
            }
            rejoined += (k ? " " : "") + lines[k];
        }
        CHECK(rejoined == kText);
    }
}

TEST_CASE("without a width a line is as long as its text", "[paragraph]") {
    const Paragraph p = lay_out(kText);
    REQUIRE(p.lines.size() == 1);
    CHECK(p.lines[0].width == Approx(shaped_width(kText)));
}

TEST_CASE("a word longer than the width breaks between characters instead of overflowing", "[paragraph]") {
    const std::string word = "Supercalifragilisticexpialidocious";
    const std::string text = "a " + word + " b";
    const Paragraph p = lay_out(text, 1.5);
    const auto lines = line_texts(p, text);
    REQUIRE(lines.size() >= 4);
    CHECK(lines.front() == "a");
    std::string rebuilt;
    for (std::size_t k = 1; k < lines.size(); ++k) {
        CHECK(p.lines[k].width <= 1.5);
        CHECK_FALSE(lines[k].empty());
        rebuilt += lines[k];
    }
    // The pieces are the word, cut greedily (each piece could not take the next letter);
    // "b" joins the word's last piece when it fits there.
    rebuilt.erase(std::remove(rebuilt.begin(), rebuilt.end(), ' '), rebuilt.end());
    CHECK(rebuilt == word + "b");
    CHECK(shaped_width(lines[1] + lines[2].substr(0, 1)) > 1.5);
}

TEST_CASE("a width narrower than one letter still puts one letter on each line", "[paragraph]") {
    const Paragraph p = lay_out("WWW", 0.01);
    CHECK(line_texts(p, "WWW") == std::vector<std::string>{"W", "W", "W"});
}

TEST_CASE("a long word at a tiny width breaks in time linear in its length", "[paragraph]") {
    // Shaping the rest of the word for every line took 82 s for 20,000 letters.
    const std::string word(20000, 'x');
    const auto start = std::chrono::steady_clock::now();
    const Paragraph p = lay_out(word + " y", 0.01);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    REQUIRE(p.lines.size() == 20001);
    CHECK(line_texts(p, word + " y").back() == "y");
}

TEST_CASE("explicit newlines start new lines, blank lines keep their height, final newlines are ignored",
          "[paragraph]") {
    const std::string text = "one\ntwo three\n\nfour\n";
    const Paragraph p = lay_out(text);
    CHECK(line_texts(p, text) == std::vector<std::string>{"one", "two three", "", "four"});
    for (std::size_t k = 1; k < p.lines.size(); ++k)
        CHECK(p.lines[k - 1].baseline - p.lines[k].baseline == Approx(1.15 * p.line_height));
    // With a width, each paragraph wraps on its own.
    const std::string two = "short\n" + kText;
    const Paragraph wrapped = lay_out(two, 3);
    CHECK(line_texts(wrapped, two).front() == "short");
    CHECK(wrapped.lines.size() > 2);
}

TEST_CASE("left alignment lines up left edges, right alignment right edges, center the centres", "[paragraph]") {
    const std::string text = "Hi\nHello there\nHey you";
    const std::size_t starts[] = {0, 3, 15};
    for (Align align : {Align::Left, Align::Center, Align::Right}) {
        const Paragraph p = lay_out(text, std::nullopt, align);
        REQUIRE(p.lines.size() == 3);
        const double widest = p.lines[1].width;  // "Hello there"
        for (std::size_t k = 0; k < 3; ++k) {
            const PlacedLine& l = p.lines[k];
            if (align == Align::Left) CHECK(l.left == Approx(-widest / 2));
            if (align == Align::Right) CHECK(l.left + l.width == Approx(widest / 2));
            if (align == Align::Center) CHECK(l.left + l.width / 2 == Approx(0).margin(1e-12));
        }
        // The glyphs follow their lines: every line starts with an H, whose ink starts at the
        // same distance from the pen, so left-aligned Hs line up exactly.
        if (align == Align::Left) {
            const double x0 = ink(p, starts[0], starts[0] + 1).min.x();
            for (std::size_t s : starts) CHECK(ink(p, s, s + 1).min.x() == Approx(x0));
        }
    }
}

TEST_CASE("baselines are line_spacing natural line heights apart", "[paragraph]") {
    const FaceMetrics m = library().metrics(library().face("sans"));
    for (double spacing : {1.0, 1.15, 2.0}) {
        const Paragraph p = lay_out("a\nb\nc", std::nullopt, Align::Center, spacing);
        CHECK(p.line_height == Approx((m.ascent + m.descent) * kEm));
        REQUIRE(p.lines.size() == 3);
        CHECK(p.lines[0].baseline - p.lines[1].baseline == Approx(spacing * p.line_height));
        CHECK(p.lines[1].baseline - p.lines[2].baseline == Approx(spacing * p.line_height));
    }
}

TEST_CASE("the block is centred on its line boxes", "[paragraph]") {
    const FaceMetrics m = library().metrics(library().face("sans"));
    const Paragraph p = lay_out("a\nb\nc");
    const double top = p.lines.front().baseline + m.ascent * kEm;
    const double bottom = p.lines.back().baseline - m.descent * kEm;
    CHECK(top == Approx(-bottom));
    CHECK(top > 0);
}

TEST_CASE("one line sits exactly where shaping and centring on advance and line box put it", "[paragraph]") {
    const std::string text = "Self-Attention";
    const ShapedText shaped = shape(library(), text, {library().face("sans")}, kEm);
    const Similarity centre = Similarity::translation({-shaped.width / 2, (shaped.descent - shaped.ascent) / 2});
    const Paragraph p = lay_out(text, 100.0, Align::Left);
    REQUIRE(p.glyphs.size() == shaped.glyphs.size());
    for (std::size_t i = 0; i < p.glyphs.size(); ++i) CHECK(p.glyphs[i].outline == shaped.glyphs[i].outline.transformed(centre));
}

TEST_CASE("each line runs its own bidi: a Hebrew line after an English one reads right to left", "[paragraph]") {
    const std::string hebrew = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";  // שלום
    const std::string text = "hello\n" + hebrew;
    const Paragraph p = lay_out(text);
    REQUIRE(p.glyphs.size() == 9);
    // The last glyph placed (rightmost of line 2) is the first Hebrew letter.
    CHECK(p.glyphs.back().byte == 6);
    CHECK(p.glyphs[5].byte == 12);
}

TEST_CASE("a width or line spacing that is not positive is an input error", "[paragraph]") {
    CHECK_THROWS_AS(lay_out("a", 0.0), InputError);
    CHECK_THROWS_AS(lay_out("a", std::nullopt, Align::Center, 0), InputError);
}
