#include "text/font_library.hpp"

#include "core/error.hpp"
#include "core/input_file.hpp"
#include "core/limits.hpp"
#include "text/glyph_outline.hpp"
#include "text/utf8.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

namespace attnreel::text {

namespace fs = std::filesystem;

const std::vector<NamedFace>& named_faces() {
    static const std::vector<NamedFace> faces = {
        {"sans", "inter/Inter-Regular.otf"},
        {"sans-bold", "inter/Inter-Bold.otf"},
        {"sans-italic", "inter/Inter-Italic.otf"},
        {"sans-bold-italic", "inter/Inter-BoldItalic.otf"},
        {"sans-semibold", "inter/Inter-SemiBold.otf"},
        {"mono", "jetbrains-mono/JetBrainsMono-Regular.ttf"},
        {"mono-bold", "jetbrains-mono/JetBrainsMono-Bold.ttf"},
        {"mono-italic", "jetbrains-mono/JetBrainsMono-Italic.ttf"},
        {"mono-bold-italic", "jetbrains-mono/JetBrainsMono-BoldItalic.ttf"},
        {"math", "latin-modern-math/latinmodern-math.otf"},
        {"dejavu", "dejavu/DejaVuSans.ttf"},
        {"dejavu-bold", "dejavu/DejaVuSans-Bold.ttf"},
    };
    return faces;
}

fs::path default_font_dir() {
    const char* from_environment = std::getenv("ATTNREEL_FONT_DIR");
    if (from_environment && *from_environment) return from_environment;
    return ATTNREEL_FONT_DIR;
}

struct FontLibrary::FreeTypeLibrary {
    FT_Library library = nullptr;
    FreeTypeLibrary() {
        if (FT_Init_FreeType(&library)) throw std::runtime_error("FreeType failed to initialise");
    }
    ~FreeTypeLibrary() { FT_Done_FreeType(library); }
};

struct FontLibrary::LoadedFace {
    fs::path file;
    std::string bytes;  // the file, read once with a size cap; FreeType and HarfBuzz read from it
    FT_Face ft_face = nullptr;
    hb_font_t* hb_font = nullptr;
    double units_per_em = 1000;
    FaceMetrics metrics;

    ~LoadedFace() {
        if (hb_font) hb_font_destroy(hb_font);
        if (ft_face) FT_Done_Face(ft_face);
    }
};

namespace {

bool looks_like_path(const std::string& s) {
    if (s.find('/') != std::string::npos || s.find('\\') != std::string::npos) return true;
    std::string extension = fs::path(s).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".ttf" || extension == ".otf" || extension == ".ttc" || extension == ".otc" ||
           extension == ".woff";
}

}  // namespace

bool names_font_file(const std::string& name_or_path) { return looks_like_path(name_or_path); }

namespace {

std::vector<std::string> face_names() {
    std::vector<std::string> names;
    for (const auto& f : named_faces()) names.push_back(f.name);
    return names;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

InputError unknown_font(const std::string& name, const SourceMark& named_at) {
    const std::vector<std::string> names = face_names();
    return InputError(named_at, "unknown font " + text::quoted(name) + did_you_mean(name, names) +
                                    " (expected one of " +
                                    joined(names) + ", or a font file path)");
}

// An InputError about a font file, at the place that names it when known.
InputError font_file_error(const fs::path& path, const SourceMark& named_at, const std::string& reason) {
    if (named_at.file.empty()) return InputError(SourceMark{path.string()}, reason);
    return InputError(named_at, "font file '" + path.string() + "': " + reason);
}

// Why FreeType cannot use this face for outlines, or "" when it can.
std::string unusable(FT_Face face) {
    return FT_IS_SCALABLE(face) ? std::string() : std::string("not an outline font (bitmap only)");
}

double metric(hb_font_t* font, hb_ot_metrics_tag_t tag, double units_per_em) {
    hb_position_t value = 0;
    hb_ot_metrics_get_position_with_fallback(font, tag, &value);
    return value / units_per_em;
}

// A height from the OS/2 table (sCapHeight, sxHeight), or when the table is too old to
// have it, the top of the letter that defines it ('H', 'x').
double height_metric(hb_font_t* font, FT_Face face, hb_ot_metrics_tag_t tag, char letter) {
    hb_position_t value = 0;
    if (hb_ot_metrics_get_position(font, tag, &value) && value > 0) return value / double(face->units_per_EM);
    const FT_UInt glyph = FT_Get_Char_Index(face, static_cast<FT_ULong>(letter));
    if (glyph == 0 || FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE) != 0) return 0;  // not a Latin font
    FT_BBox box;
    FT_Outline_Get_CBox(&face->glyph->outline, &box);
    return static_cast<double>(box.yMax) / face->units_per_EM;
}

}  // namespace

FontLibrary::FontLibrary(fs::path font_dir)
    : font_dir_(std::move(font_dir)), freetype_(std::make_unique<FreeTypeLibrary>()) {}

FontLibrary::~FontLibrary() {
    faces_.clear();  // faces before the FreeType library that owns them
    freetype_.reset();
}

FaceId FontLibrary::face(const std::string& name_or_path, const SourceMark& named_at) {
    if (looks_like_path(name_or_path)) return load_file(name_or_path, named_at);
    for (const auto& named : named_faces()) {
        if (named.name != name_or_path) continue;
        const fs::path file = font_dir_ / named.file;
        std::error_code error;
        if (!fs::is_regular_file(file, error))
            throw InputError("bundled font '" + named.name + "' not found at '" + file.string() +
                             "' (the font directory comes from ATTNREEL_FONT_DIR or the build)");
        return load_file(file, {});
    }
    throw unknown_font(name_or_path, named_at);
}

void check_font(const std::string& name_or_path, const SourceMark& named_at) {
    if (!looks_like_path(name_or_path)) {
        for (const auto& named : named_faces())
            if (named.name == name_or_path) return;
        throw unknown_font(name_or_path, named_at);
    }
    const std::string bytes = read_input_file(name_or_path, {"font file", limits::font_file_bytes}, named_at);
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library)) throw std::runtime_error("FreeType failed to initialise");
    FT_Face face = nullptr;
    const bool read = FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes.data()),
                                         static_cast<FT_Long>(bytes.size()), 0, &face) == 0;
    const std::string why = read ? unusable(face) : "not a font file FreeType can read";
    if (read) FT_Done_Face(face);
    FT_Done_FreeType(library);
    if (!why.empty()) throw font_file_error(name_or_path, named_at, why);
}

FaceId FontLibrary::last_resort() { return face("dejavu"); }

FaceId FontLibrary::load_file(const fs::path& path, const SourceMark& named_at) {
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(path, error);
    const std::string key = (error ? path : canonical).string();
    {
        std::lock_guard lock(mutex_);
        if (auto found = face_by_file_.find(key); found != face_by_file_.end()) return found->second;
    }
    auto loaded = std::make_unique<LoadedFace>();
    loaded->file = path;
    loaded->bytes = read_input_file(path.string(), {"font file", limits::font_file_bytes}, named_at);
    std::lock_guard lock(mutex_);  // FreeType's library object is not safe to share between threads
    if (auto found = face_by_file_.find(key); found != face_by_file_.end()) return found->second;
    FT_Face ft_face = nullptr;
    if (FT_New_Memory_Face(freetype_->library, reinterpret_cast<const FT_Byte*>(loaded->bytes.data()),
                           static_cast<FT_Long>(loaded->bytes.size()), 0, &ft_face))
        throw font_file_error(path, named_at, "not a font file FreeType can read");
    loaded->ft_face = ft_face;  // owned from here on, so closed if the checks below throw
    if (const std::string why = unusable(ft_face); !why.empty()) throw font_file_error(path, named_at, why);
    loaded->units_per_em = loaded->ft_face->units_per_EM;

    hb_blob_t* blob = hb_blob_create(loaded->bytes.data(), static_cast<unsigned>(loaded->bytes.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* hb_face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    loaded->hb_font = hb_font_create(hb_face);
    hb_face_destroy(hb_face);
    const int upem = static_cast<int>(loaded->units_per_em);
    hb_font_set_scale(loaded->hb_font, upem, upem);  // positions come out in font units
    hb_font_make_immutable(loaded->hb_font);

    hb_font_t* font = loaded->hb_font;
    const double u = loaded->units_per_em;
    loaded->metrics.ascent = metric(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, u);
    loaded->metrics.descent = -metric(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, u);
    loaded->metrics.cap_height = height_metric(font, ft_face, HB_OT_METRICS_TAG_CAP_HEIGHT, 'H');
    loaded->metrics.x_height = height_metric(font, ft_face, HB_OT_METRICS_TAG_X_HEIGHT, 'x');

    const auto id = static_cast<FaceId>(faces_.size());
    faces_.push_back(std::move(loaded));
    face_by_file_.emplace(key, id);
    return id;
}

const FontLibrary::LoadedFace& FontLibrary::loaded(FaceId id) const {
    std::lock_guard lock(mutex_);
    const auto index = static_cast<std::size_t>(id);
    if (index >= faces_.size()) throw std::out_of_range("no face with id " + std::to_string(index));
    return *faces_[index];  // stable: faces are never moved or removed
}

const fs::path& FontLibrary::file_of(FaceId id) const { return loaded(id).file; }
FaceMetrics FontLibrary::metrics(FaceId id) const { return loaded(id).metrics; }
hb_font_t* FontLibrary::hb_font(FaceId id) const { return loaded(id).hb_font; }
double FontLibrary::units_per_em(FaceId id) const { return loaded(id).units_per_em; }

bool FontLibrary::has_glyph_for(FaceId id, char32_t code_point) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(loaded(id).hb_font, code_point, &glyph) && glyph != 0;
}

const Path& FontLibrary::glyph_outline(FaceId id, std::uint32_t glyph) {
    const LoadedFace& face = loaded(id);
    const std::uint64_t key = (static_cast<std::uint64_t>(id) << 32) | glyph;
    std::lock_guard lock(mutex_);  // FreeType faces are not safe to share between threads
    if (auto found = outlines_.find(key); found != outlines_.end()) return found->second;

    Path outline;
    // Unscaled and unhinted: the outline is the designer's, and scales freely.
    const FT_Int32 flags = FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;
    const bool loaded_outline =
        FT_Load_Glyph(face.ft_face, glyph, flags) == 0 && face.ft_face->glyph->format == FT_GLYPH_FORMAT_OUTLINE;
    if (loaded_outline)  // bitmap-only glyphs (emoji) have no outline to draw
        outline = outline_to_path(face.ft_face->glyph->outline, 1.0 / face.units_per_em);
    return outlines_.emplace(key, std::move(outline)).first->second;
}

}  // namespace attnreel::text
