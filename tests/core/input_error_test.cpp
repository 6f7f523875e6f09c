// An InputError's text as every front end shows it: what() must hold the whole message,
// even when the message quotes a NUL byte from the input.
#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;

TEST_CASE("an InputError's what() shows a NUL byte of its message visibly instead of ending there", "[error]") {
    const InputError e({"s.yaml", 4, 12}, std::string("unknown colour 're\0d'; did you mean 'red'?", 42));
    CHECK(std::string(e.what()) == "s.yaml:4:12: unknown colour 're\\0d'; did you mean 'red'?");
    CHECK(e.message().size() == 42);  // the message itself is kept as it was
}
