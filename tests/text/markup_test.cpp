// The markup of rich text: tags become styled runs of the plain text, entities become
// characters, and every mistake is a MarkupError at the byte where it starts.
#include "text/markup.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::text;

namespace {

// The style at each run, as "text|flags" with b, i, m and the colour's hex: "bold|b".
std::vector<std::string> described(const StyledText& s) {
    std::vector<std::string> out;
    for (const StyledRun& r : s.runs) {
        std::string d = s.text.substr(r.begin, r.end - r.begin) + "|";
        if (r.style.bold) d += "b";
        if (r.style.italic) d += "i";
        if (r.style.mono) d += "m";
        if (!r.style.script.empty()) d += "s" + r.style.script;
        if (r.style.color) d += to_hex(*r.style.color);
        out.push_back(d);
    }
    return out;
}

// The error's offset and message for `source`; fails the test when it parses.
std::pair<std::size_t, std::string> error_of(const std::string& source) {
    try {
        parse_markup(source);
    } catch (const MarkupError& e) {
        return {e.offset(), e.what()};
    }
    FAIL("expected a MarkupError for " << source);
    return {};
}

}  // namespace

TEST_CASE("text without '<' or '&' is one plain run, byte for byte", "[markup]") {
    const StyledText s = parse_markup("a > b, 'quoted' \"too\"\nnext line");
    CHECK(s.text == "a > b, 'quoted' \"too\"\nnext line");
    REQUIRE(s.runs.size() == 1);
    CHECK(s.runs[0] == StyledRun{0, s.text.size(), {}});
    CHECK(parse_markup("").runs.empty());
}

TEST_CASE("b, i and tt make bold, italic and monospace runs", "[markup]") {
    const StyledText s = parse_markup("plain <b>bold</b> <i>italic</i> <tt>code</tt>");
    CHECK(s.text == "plain bold italic code");
    CHECK(described(s) == std::vector<std::string>{"plain |", "bold|b", " |", "italic|i", " |", "code|m"});
}

TEST_CASE("sup and sub raise and lower a run by a level each, and nest", "[markup]") {
    const StyledText s = parse_markup("x<sup>2</sup> a<sub>i<sub>j</sub></sub> e<sup><b>k</b><sub>0</sub></sup>");
    CHECK(s.text == "x2 aij ek0");
    // A <sub> inside a <sup> is a level deeper, not a cancelled one.
    CHECK(described(s) == std::vector<std::string>{"x|", "2|s^", " a|", "i|s_", "j|s__", " e|", "k|bs^", "0|s^_"});
    CHECK(error_of("<superscript>2</superscript>").second ==
          "unknown tag '<superscript>'; did you mean 'sup'? (expected one of b, i, tt, sub, sup, span)");
}

TEST_CASE("tags nest and a span's attributes add to the style around it", "[markup]") {
    const StyledText s =
        parse_markup("<b>a<i>b<span color=\"#F59E0B\">c<tt>d</tt></span></i></b><span weight='bold' style='italic' "
                     "font='mono'>e</span><span font=\"mono\"><span font=\"sans\">f</span></span>");
    CHECK(s.text == "abcdef");
    CHECK(described(s) ==
          std::vector<std::string>{"a|b", "b|bi", "c|bi#f59e0b", "d|bim#f59e0b", "e|bim", "f|"});
}

TEST_CASE("span colours take every form the colour parser accepts", "[markup]") {
    for (const char* colour : {"red", "pure_blue", "#f00", "#ff0000", "#ff000080"}) {
        const StyledText s = parse_markup(std::string("<span color=\"") + colour + "\">x</span>");
        REQUIRE(s.runs.size() == 1);
        CHECK(s.runs[0].style.color == parse_color(colour));
    }
    // Pango's names for the attribute, as Manim's MarkupText examples use them.
    CHECK(parse_markup("<span foreground='red'>x</span>").runs[0].style.color == parse_color("red"));
    CHECK(parse_markup("<span fgcolor='red'>x</span>").runs[0].style.color == parse_color("red"));
}

TEST_CASE("neighbouring runs of one style merge, and empty tags leave nothing", "[markup]") {
    const StyledText s = parse_markup("<b>a</b><b>b</b><i></i>c");
    CHECK(described(s) == std::vector<std::string>{"ab|b", "c|"});
}

TEST_CASE("entities become the characters they name", "[markup]") {
    const StyledText s = parse_markup("&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos; &#65;&#x3b1;&#X1F600;");
    CHECK(s.text == "<b> & \"q\" 'a' A\xce\xb1\xf0\x9f\x98\x80");
    CHECK(s.runs.size() == 1);
    CHECK(parse_markup("<b>&lt;</b>").runs[0].style.bold);
}

TEST_CASE("markup errors are at the byte where the mistake starts", "[markup][errors]") {
    using E = std::pair<std::size_t, std::string>;
    // unclosed: at the opening tag
    CHECK(error_of("a <b>bold") == E{2, "'<b>' is never closed; add '</b>'"});
    CHECK(error_of("<b>x <i>y</i>") == E{0, "'<b>' is never closed; add '</b>'"});
    // mismatched or unopened: at the closing tag
    CHECK(error_of("<b>x <i>y</b></i>") == E{9, "'</b>' does not match the open '<i>'; close that first"});
    CHECK(error_of("x</i>") == E{1, "'</i>' closes a tag that was never opened"});
    // unknown tags and attributes, with the nearest known word
    CHECK(error_of("<bold>x</bold>").second == "unknown tag '<bold>'; did you mean 'b'? (expected one of b, i, tt, sub, sup, span)");
    CHECK(error_of("<spam>x</spam>").first == 0);
    CHECK(error_of("<spam>x</spam>").second.find("did you mean 'span'?") != std::string::npos);
    CHECK(error_of("ok <span colour=\"red\">x</span>") ==
          E{9, "unknown attribute 'colour' of <span>; did you mean 'color'? (expected color, weight, style or font)"});
    CHECK(error_of("<b color='red'>x</b>") == E{3, "'<b>' takes no attributes; use <span color=\"…\">"});
    CHECK(error_of("<span weight='bld'>x</span>") ==
          E{14, "unknown weight 'bld'; did you mean 'bold'? (expected one of bold, normal)"});
    CHECK(error_of("<span style='italc'>x</span>").second.find("did you mean 'italic'?") != std::string::npos);
    CHECK(error_of("<span font='mon'>x</span>").second.find("did you mean 'mono'?") != std::string::npos);
    // bad colours: at the value
    CHECK(error_of("<span color=\"#12345\">x</span>") == E{13, "'#12345' is not a colour: use #rrggbb or #rrggbbaa"});
    CHECK(error_of("<span color='rde'>x</span>") == E{13, "unknown colour 'rde'; did you mean 'red'?"});
    // malformed tags and attributes
    CHECK(error_of("a < b and c > d") == E{2, "'<' must start a tag such as <b>; write &lt; for a '<'"});
    CHECK(error_of("x <b") == E{2, "'<' starts a tag that never ends with '>'; write &lt; for a '<'"});
    CHECK(error_of("<span color=red>x</span>") == E{12, "the value of 'color' must be in quotes: color=\"…\""});
    CHECK(error_of("<span color>x</span>") == E{11, "expected '=' after 'color'"});
    CHECK(error_of("<span color='red>x</span>") == E{12, "the value of 'color' has no closing quote"});
    CHECK(error_of("<span color='red' color='blue'>x</span>") == E{18, "<span> sets 'color' twice"});
    CHECK(error_of("<b/>") == E{2, "self-closing tags such as <b/> mean nothing here"});
    // entities
    CHECK(error_of("R&D") == E{1, "'&' starts an entity such as &amp; or &lt;; write &amp; for a '&'"});
    CHECK(error_of("a &amb; b") ==
          E{2, "unknown entity '&amb;'; did you mean 'amp'? (expected &lt; &gt; &amp; &quot; &apos; or &#N;)"});
    CHECK(error_of("&#xD800;").first == 0);
    CHECK(error_of("&#1114112;").second == "'&#1114112;' is not a character (use &#N; or &#xH; with a Unicode value)");
}

TEST_CASE("nesting deeper than 64 tags is an error, not a deep stack", "[markup][errors]") {
    std::string deep;
    for (int i = 0; i < 65; ++i) deep += "<b>";
    CHECK(error_of(deep).first == 64 * 3);
    CHECK(error_of(deep).second == "tags are nested more than 64 deep");
}
