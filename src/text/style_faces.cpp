#include "text/style_faces.hpp"

namespace attnreel::text {

namespace {

struct Face {
    std::string family;  // "sans", "mono", "dejavu", or "" for any other font
    bool bold = false;
    bool italic = false;
    bool semibold = false;
};

Face parse_base(const std::string& name) {
    if (name == "sans") return {"sans"};
    if (name == "sans-bold") return {"sans", true};
    if (name == "sans-italic") return {"sans", false, true};
    if (name == "sans-bold-italic") return {"sans", true, true};
    if (name == "sans-semibold") return {"sans", false, false, true};
    if (name == "mono") return {"mono"};
    if (name == "mono-bold") return {"mono", true};
    if (name == "mono-italic") return {"mono", false, true};
    if (name == "mono-bold-italic") return {"mono", true, true};
    if (name == "dejavu") return {"dejavu"};
    if (name == "dejavu-bold") return {"dejavu", true};
    return {};
}

std::string suffix(bool bold, bool italic) { return std::string(bold ? "-bold" : "") + (italic ? "-italic" : ""); }

}  // namespace

std::string face_for_style(const std::string& base_font, const TextStyle& style) {
    if (!style.bold && !style.italic && !style.mono) return base_font;
    const Face base = parse_base(base_font);
    const bool bold = base.bold || style.bold;
    const bool italic = base.italic || style.italic;
    if (style.mono || base.family == "mono") return "mono" + suffix(bold, italic);
    if (base.family == "dejavu" && !italic) return bold ? "dejavu-bold" : "dejavu";
    if (base.semibold && !bold && !italic) return base_font;
    return "sans" + suffix(bold, italic);
}

}  // namespace attnreel::text
