// Every number a scene shows from its models is the model's number: each compiled object
// records what it prints and the path it came from, and here each is read back, resolved
// again and compared at the precision printed.
#include "loader_test_support.hpp"

#include <cmath>
#include <cstdlib>
#include <set>

using namespace attnreel;
using namespace attnreel::testing;

namespace {

struct Printed {
    double value = 0;
    double tolerance = 0;  // half a unit of the last digit printed
    bool masked = false;   // "−∞"
};

// "0.42", "−1.25", "45.0%", "4.57e−01", "8" as a number and the precision it was printed at.
Printed read_printed(std::string text) {
    for (std::size_t at = text.find("\u2212"); at != std::string::npos; at = text.find("\u2212"))
        text.replace(at, 3, "-");
    Printed p;
    if (text == "-\u221e") {
        p.masked = true;
        return p;
    }
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text.pop_back();
    const std::size_t e = text.find('e');
    const std::string mantissa = text.substr(0, e);
    const std::size_t point = mantissa.find('.');
    const int decimals = point == std::string::npos ? 0 : static_cast<int>(mantissa.size() - point - 1);
    char* end = nullptr;
    p.value = std::strtod(text.c_str(), &end);
    REQUIRE(end == text.c_str() + text.size());
    const int exponent = e == std::string::npos ? 0 : std::atoi(text.c_str() + e + 1);
    p.tolerance = 0.5 * std::pow(10.0, exponent - decimals);
    if (percent) {
        p.value /= 100;
        p.tolerance /= 100;
    }
    p.tolerance += 1e-12;
    return p;
}

// Checks every value the compiled scene shows; returns how many there were.
std::size_t check_every_shown_value(const std::string& example) {
    text::FontLibrary fonts;
    const Scene s = compile_scene(load_scene_file(std::string(ATTNREEL_SOURCE_DIR) + "/examples/" + example), fonts);
    REQUIRE(s.model);
    std::size_t count = 0;
    std::set<std::string> paths;
    for (std::size_t i = 0; i < s.objects.size(); ++i) {
        for (const ShownValue& shown : s.objects[i].shown) {
            INFO(example << ": " << s.objects[i].id << " shows '" << shown.text << "' from " << shown.path);
            const attention::ModelValue v = s.model->value(shown.path);
            ++count;
            paths.insert(shown.path);
            if (v.shape == attention::ModelValue::Shape::name) {
                CHECK(shown.text == v.name);
                continue;
            }
            REQUIRE(v.shape == attention::ModelValue::Shape::number);
            const Printed p = read_printed(shown.text);
            if (p.masked) continue;  // a hidden entry prints no number
            CHECK(std::abs(p.value - v.values(0, 0)) <= p.tolerance);
        }
    }
    CHECK(paths.size() == count);  // no number is claimed twice
    return count;
}

}  // namespace

TEST_CASE("reading printed numbers back", "[shown]") {
    CHECK(read_printed("0.42").value == Approx(0.42));
    CHECK(read_printed("0.42").tolerance == Approx(0.005));
    CHECK(read_printed("\u22121.5").value == Approx(-1.5));
    CHECK(read_printed("45.0%").value == Approx(0.45));
    CHECK(read_printed("45.0%").tolerance == Approx(0.0005));
    CHECK(read_printed("4.57e\u221201").value == Approx(0.457));
    CHECK(read_printed("4.57e\u221201").tolerance == Approx(0.0005));
    CHECK(read_printed("8").tolerance == Approx(0.5));
}

TEST_CASE("every number examples/model_paths.yaml shows is the model's, at the precision shown", "[shown][path]") {
    // The figures and rows printed in its texts (its small heatmaps print no numbers).
    CHECK(check_every_shown_value("model_paths.yaml") >= 12);
}

TEST_CASE("every number examples/trained_adder.yaml shows is the model's, at the precision shown", "[shown][train]") {
    CHECK(check_every_shown_value("trained_adder.yaml") > 10);
}
