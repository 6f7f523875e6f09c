#include "widgets/number_text.hpp"

#include <cstdio>

namespace attnreel {

std::string format_number(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s[0] != '-') return s;
    if (s.find_first_not_of("-0.") == std::string::npos) return s.substr(1);  // "-0.00"
    return "\u2212" + s.substr(1);
}

}  // namespace attnreel
