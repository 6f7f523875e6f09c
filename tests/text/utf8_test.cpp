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
