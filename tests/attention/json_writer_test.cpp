#include "attention/json_writer.hpp"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

using namespace attnreel::attention;

TEST_CASE("numbers are written in their shortest round-trip form", "[json_writer]") {
    CHECK(json_number(0.1) == "0.1");
    CHECK(json_number(3) == "3");
    CHECK(json_number(-2.5) == "-2.5");
    CHECK(json_number(1e300) == "1e+300");
    std::mt19937_64 rng(81);
    for (int i = 0; i < 1000; ++i) {
        const double value = std::ldexp(static_cast<double>(rng() >> 11), static_cast<int>(rng() % 200) - 150);
        const std::string text = json_number(value);
        double back = 0;
        std::from_chars(text.data(), text.data() + text.size(), back);
        CHECK(back == value);
    }
}

TEST_CASE("non-finite numbers cannot be written", "[json_writer]") {
    CHECK_THROWS_AS(json_number(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
    CHECK_THROWS_AS(json_number(std::numeric_limits<double>::infinity()), std::domain_error);
    JsonWriter json;
    json.begin_array();
    CHECK_THROWS_AS(json.value(-std::numeric_limits<double>::infinity()), std::domain_error);
}

TEST_CASE("strings escape quotes, backslashes and control characters", "[json_writer]") {
    CHECK(json_string("a\"b\\c") == R"("a\"b\\c")");
    CHECK(json_string("line\nnext\t") == R"("line\nnext\t")");
    CHECK(json_string(std::string("\x01", 1)) == R"("\u0001")");
    CHECK(json_string("Größe") == "\"Größe\"");
}

TEST_CASE("a document reads back with the same structure and values", "[json_writer]") {
    Eigen::MatrixXd m(2, 3);
    m << 1, 0.5, -0.25, 1e-9, 2, 3;
    JsonWriter json;
    json.begin_object();
    json.key("name").value("head \"0\"");
    json.key("count").value(3);
    json.key("big").value(std::uint64_t{18446744073709551615ull});
    json.key("flag").value(true);
    json.key("nothing").null();
    json.key("matrix").matrix(m);
    json.key("empty").begin_array().end_array();
    json.key("nested").begin_array().begin_object().key("x").value(1.5).end_object().end_array();
    json.end_object();

    const YAML::Node root = YAML::Load(json.str());
    CHECK(root["name"].as<std::string>() == "head \"0\"");
    CHECK(root["count"].as<int>() == 3);
    CHECK(root["big"].as<std::uint64_t>() == 18446744073709551615ull);
    CHECK(root["flag"].as<bool>());
    CHECK(root["nothing"].IsNull());
    REQUIRE(root["matrix"].size() == 2);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) CHECK(root["matrix"][i][j].as<double>() == m(i, j));
    CHECK(root["empty"].IsSequence());
    CHECK(root["empty"].size() == 0);
    CHECK(root["nested"][0]["x"].as<double>() == 1.5);
}

TEST_CASE("matrix rows are written one per line", "[json_writer]") {
    JsonWriter json;
    json.matrix(Eigen::MatrixXd::Identity(2, 2));
    CHECK(json.str() == "[\n  [1, 0],\n  [0, 1]\n]");
}

TEST_CASE("misuse of the writer is a logic error", "[json_writer]") {
    JsonWriter object;
    object.begin_object();
    CHECK_THROWS_AS(object.value(1), std::logic_error);  // a member without a key
    JsonWriter array;
    array.begin_array();
    CHECK_THROWS_AS(array.key("x"), std::logic_error);
    CHECK_THROWS_AS(array.end_object(), std::logic_error);
}
