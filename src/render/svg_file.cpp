#include "render/svg_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace attnreel {

namespace {

// A pixel coordinate with at most two decimals, without trailing zeros: "12.5", "-3".
std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    std::string s = text;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string hex(const Color& c) {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return text;
}

// ` fill="#rrggbb"` and, when translucent, ` fill-opacity="0.5"` (`what` is fill, stroke or stop-color).
std::string paint(const std::string& what, const Color& c, const std::string& opacity_name) {
    std::string s = " " + what + "=\"" + hex(c) + "\"";
    if (c.a < 1) s += " " + opacity_name + "=\"" + number(std::clamp(c.a, 0.0, 1.0)) + "\"";
    return s;
}

// Scene units (8 high, origin at the centre, y up) to the SVG's pixels (y down).
struct ToPixels {
    double scale, cx, cy;
    std::string x(double u) const { return number(cx + u * scale); }
    std::string y(double u) const { return number(cy - u * scale); }
    std::string point(const Vec2& p) const { return x(p.x()) + " " + y(p.y()); }
};

std::string path_data(const Path& path, const ToPixels& to) {
    std::string d;
    const auto& pts = path.points();
    std::size_t i = 0;
    for (Verb v : path.verbs()) {
        switch (v) {
            case Verb::Move:
                d += 'M';
                d += to.point(pts[i++]);
                break;
            case Verb::Line:
                d += 'L';
                d += to.point(pts[i++]);
                break;
            case Verb::Cubic:
                d += 'C';
                for (int k = 0; k < 3; ++k) {
                    if (k > 0) d += ' ';
                    d += to.point(pts[i++]);
                }
                break;
            case Verb::Close: d += 'Z'; break;
        }
    }
    return d;
}

std::string item_element(const DrawItem& item, const ToPixels& to, int& gradients) {
    std::string out;
    std::string attributes;
    if (item.gradient) {
        const std::string id = "gradient" + std::to_string(gradients++);
        const Gradient& g = *item.gradient;
        out += "<linearGradient id=\"" + id + "\" gradientUnits=\"userSpaceOnUse\" x1=\"" + to.x(g.from.x()) +
               "\" y1=\"" + to.y(g.from.y()) + "\" x2=\"" + to.x(g.to.x()) + "\" y2=\"" + to.y(g.to.y()) + "\">";
        for (const auto& [offset, c] : g.stops)
            out += "<stop offset=\"" + number(offset) + "\"" + paint("stop-color", c, "stop-opacity") + "/>";
        out += "</linearGradient>";
        attributes += " fill=\"url(#" + id + ")\"";
    } else if (item.fill) {
        attributes += paint("fill", *item.fill, "fill-opacity");
    } else {
        attributes += " fill=\"none\"";
    }
    if (item.stroke) {
        attributes += paint("stroke", *item.stroke, "stroke-opacity");
        attributes += " stroke-width=\"" + number(item.stroke_width * to.scale) + "\"";
    }
    out += "<path d=\"" + path_data(item.path, to) + "\"" + attributes + "/>";
    return out;
}

}  // namespace

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string svg_bytes(const DrawList& list, int width, int height) {
    const ToPixels to{height / 8.0, width / 2.0, height / 2.0};
    const std::string w = std::to_string(width), h = std::to_string(height);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "px\" height=\"" + h + "px\" viewBox=\"0 0 " + w +
           " " + h + "\">\n";
    if (list.background.a > 0)
        out += "<rect width=\"" + w + "\" height=\"" + h + "\"" + paint("fill", list.background, "fill-opacity") + "/>\n";
    // Glyph outlines wind outer and inner contours opposite ways: nonzero fills them right.
    out += "<g fill-rule=\"nonzero\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n";
    int gradients = 0;
    const auto& items = list.items;
    for (std::size_t i = 0; i < items.size();) {
        if (!items[i].alt_text) {
            out += item_element(items[i++], to, gradients) + "\n";
            continue;
        }
        // One text object: its consecutive outlines under one title.
        out += "<g><title>" + xml_escaped(*items[i].alt_text.words) + "</title>";
        const AltText& words = items[i].alt_text;
        for (; i < items.size() && items[i].alt_text.same_object(words); ++i) out += item_element(items[i], to, gradients);
        out += "</g>\n";
    }
    out += "</g>\n</svg>\n";
    return out;
}

}  // namespace attnreel
