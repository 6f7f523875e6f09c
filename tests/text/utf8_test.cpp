#include "core/error.hpp"
#include "text/utf8.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::text;

TEST_CASE("decode_utf8 returns each code point with the byte it starts at", "[text][utf8]") {
    // a (1 byte), ï (2), € (3), 𝛼 (4)
    const auto decoded = decode_utf8("a\xC3\xAF\xE2\x82\xAC\xF0\x9D\x9B\xBC");
    REQUIRE(decoded.size() == 4);
    CHECK(decoded[0].value == U'a');
    CHECK(decoded[0].byte == 0);
    CHECK(decoded[1].value == U'\u00EF');
    CHECK(decoded[1].byte == 1);
    CHECK(decoded[2].value == U'\u20AC');
    CHECK(decoded[2].byte == 3);
    CHECK(decoded[3].value == U'\U0001D6FC');
    CHECK(decoded[3].byte == 6);
}

TEST_CASE("decode_utf8 accepts empty text and the extremes of each length", "[text][utf8]") {
    CHECK(decode_utf8("").empty());
    const auto decoded = decode_utf8("\x7F\xC2\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF");
    REQUIRE(decoded.size() == 4);
    CHECK(decoded[0].value == 0x7F);
    CHECK(decoded[1].value == 0x80);
    CHECK(decoded[2].value == 0xFFFF);
    CHECK(decoded[3].value == 0x10FFFF);
}

namespace {

std::string error_message(std::string_view utf8) {
    try {
        decode_utf8(utf8);
    } catch (const InputError& e) {
        return e.message();
    }
    return "no error";
}

}  // namespace

TEST_CASE("decode_utf8 names the byte where invalid UTF-8 starts", "[text][utf8]") {
    CHECK(error_message("\xC3\x28") == "invalid UTF-8 at byte 0");              // bad continuation
    CHECK(error_message("ab\xE2\x82") == "invalid UTF-8 at byte 2");            // truncated
    CHECK(error_message("x\xC0\xAF") == "invalid UTF-8 at byte 1");             // overlong '/'
    CHECK(error_message("xy\xE0\x80\xAF") == "invalid UTF-8 at byte 2");        // overlong, 3 bytes
    CHECK(error_message("\xF0\x82\x82\xAC") == "invalid UTF-8 at byte 0");      // overlong, 4 bytes
    CHECK(error_message("ok\xED\xA0\x80") == "invalid UTF-8 at byte 2");        // surrogate
    CHECK(error_message("\xF4\x90\x80\x80") == "invalid UTF-8 at byte 0");      // past U+10FFFF
    CHECK(error_message("a\x80") == "invalid UTF-8 at byte 1");                 // stray continuation
    CHECK(error_message("\xFF") == "invalid UTF-8 at byte 0");                  // never valid
}

TEST_CASE("decode_utf8_at reads one sequence, or nothing where the bytes are invalid", "[text][utf8]") {
    const std::string_view text = "a\xC3\xAF\xE2\x82\xAC\xF0\x9D\x9B\xBC";
    const auto at = [&](std::size_t i) { return decode_utf8_at(text, i); };
    REQUIRE(at(0));
    CHECK(at(0)->value == U'a');
    CHECK(at(0)->length == 1);
    REQUIRE(at(1));
    CHECK(at(1)->value == U'\u00EF');
    CHECK(at(1)->length == 2);
    REQUIRE(at(6));
    CHECK(at(6)->value == U'\U0001D6FC');
    CHECK(at(6)->length == 4);
    CHECK_FALSE(at(2));  // a continuation byte starts nothing
    CHECK_FALSE(decode_utf8_at("ab\xE2\x82", 2));      // truncated
    CHECK_FALSE(decode_utf8_at("\xC0\xAF", 0));        // overlong
    CHECK_FALSE(decode_utf8_at("\xED\xA0\x80", 0));    // surrogate
    CHECK_FALSE(decode_utf8_at("\xF4\x90\x80\x80", 0));  // past U+10FFFF
    CHECK_FALSE(decode_utf8_at("\xFF", 0));
}

TEST_CASE("encode_utf8 writes each length and round-trips through decode_utf8", "[text][utf8]") {
    CHECK(encode_utf8(U'a') == "a");
    CHECK(encode_utf8(0x80) == "\xC2\x80");
    CHECK(encode_utf8(U'\u00EF') == "\xC3\xAF");
    CHECK(encode_utf8(0x7FF) == "\xDF\xBF");
    CHECK(encode_utf8(0x800) == "\xE0\xA0\x80");
    CHECK(encode_utf8(U'\u20AC') == "\xE2\x82\xAC");
    CHECK(encode_utf8(0xFFFF) == "\xEF\xBF\xBF");
    CHECK(encode_utf8(0x10000) == "\xF0\x90\x80\x80");
    CHECK(encode_utf8(0x10FFFF) == "\xF4\x8F\xBF\xBF");
    std::string text = "x";
    for (const char32_t c : {U'\u00EF', U'\u20AC', U'\U0001D6FC', U'y'}) append_utf8(text, c);
    CHECK(text == "x\xC3\xAF\xE2\x82\xAC\xF0\x9D\x9B\xBCy");
    for (const char32_t c : {0x1u, 0x7Fu, 0x3B1u, 0xD7FFu, 0xE000u, 0x1F600u, 0x10FFFFu}) {
        CAPTURE(c);
        const auto decoded = decode_utf8(encode_utf8(c));
        REQUIRE(decoded.size() == 1);
        CHECK(decoded[0].value == c);
    }
}

TEST_CASE("code_point_name writes U+ and at least four upper-case hex digits", "[text][utf8]") {
    CHECK(code_point_name(0x1) == "U+0001");
    CHECK(code_point_name(U'\u00E9') == "U+00E9");
    CHECK(code_point_name(U'\u2A0C') == "U+2A0C");
    CHECK(code_point_name(U'\U0001D6FC') == "U+1D6FC");
    CHECK(code_point_name(0x10FFFF) == "U+10FFFF");
}

TEST_CASE("printable escapes invalid bytes and control characters and keeps every valid character",
          "[text][utf8]") {
    CHECK(printable("plain text, é, 日本, 🙂") == "plain text, é, 日本, 🙂");
    CHECK(printable("ab\xC3\x28z") == "ab\\xC3(z");       // a lead byte without its continuation
    CHECK(printable("\xFF\xFE") == "\\xFF\\xFE");
    CHECK(printable(std::string("a\0b", 3)) == "a\\0b");
    CHECK(printable("tab\there\r\n") == "tab\\there\\r\n");  // newlines stay: messages have lines
    CHECK(printable("\x1B[31mred") == "\\e[31mred");         // no terminal escapes from the input
    CHECK(printable("\x7F\x01") == "\\x7F\\x01");
    CHECK(printable("\xC2\x85") == "\\u0085");               // a C1 control, valid UTF-8
}

TEST_CASE("quoted shows a value whole when short, and its start and end when long", "[text][utf8]") {
    CHECK(quoted("red") == "'red'");
    CHECK(quoted(std::string("a\0b\nc", 5)) == "'a\\0b\\nc'");  // one line, every byte visible
    CHECK(quoted("\xFF") == "'\\xFF'");
    CHECK(quoted(std::string(80, 'a')) == "'" + std::string(80, 'a') + "'");
    CHECK(quoted(std::string(30000, 'a')) ==
          "'" + std::string(56, 'a') + "…" + std::string(16, 'a') + "' (30000 bytes)");
    // Cut between characters, never inside one.
    std::string accents;
    for (int i = 0; i < 100; ++i) accents += "é";
    CHECK(quoted(accents) == "'" + accents.substr(0, 112) + "…" + accents.substr(200 - 32) + "' (200 bytes)");
}
