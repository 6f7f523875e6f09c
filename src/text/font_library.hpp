#pragma once
// The fonts a scene may use: bundled faces by name (sans, mono, math…) or font files by
// path, each loaded once, plus the cache of glyph outlines as Paths. Never a system font.
#include "core/error.hpp"
#include "core/path.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

struct hb_font_t;

namespace attnreel::text {

// Index of a loaded face in its FontLibrary; the same file always gets the same id.
enum class FaceId : std::uint32_t {};

// Vertical metrics in em units (multiply by the em size). Ascent and descent are OS/2's
// typographic ones when the font sets USE_TYPO_METRICS, else hhea's; descent is positive
// below the baseline, so ascent + descent is the natural line height. Cap and x-height
// come from OS/2, or from the tops of 'H' and 'x' in fonts whose OS/2 table predates them.
struct FaceMetrics {
    double ascent = 0;
    double descent = 0;
    double cap_height = 0;
    double x_height = 0;
};

// The bundled face names and their files relative to the font directory.
struct NamedFace {
    std::string name;
    std::string file;
};
const std::vector<NamedFace>& named_faces();

// True when FontLibrary::face takes `name_or_path` as a font file rather than a bundled
// face name: it has a '/' or a font file's extension.
bool names_font_file(const std::string& name_or_path);

// $ATTNREEL_FONT_DIR when set and not empty, else the directory fixed at build time.
std::filesystem::path default_font_dir();

// Checks, without loading it, what FontLibrary::face will accept, so that the loader can
// report a bad font where the scene names it: a bundled name, or a path to a font file
// (regular, within the size limit) that FreeType reads as an outline font.
void check_font(const std::string& name_or_path, const SourceMark& named_at);

// Owns FreeType, the loaded faces and the outline cache. Every member function is safe to
// call from several threads at once (one mutex; shaping itself does not hold it).
class FontLibrary {
public:
    explicit FontLibrary(std::filesystem::path font_dir = default_font_dir());
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // A bundled face name (see named_faces()) or a path to a font file (anything with a
    // '/' or a font extension; relative paths are relative to the working directory).
    // Throws InputError for an unknown name (suggesting the nearest), a file that is missing,
    // not a regular file, too large (core/limits.hpp) or not one FreeType can read, naming
    // the path; at `named_at` (where the scene names the font) when given.
    FaceId face(const std::string& name_or_path, const SourceMark& named_at = {});
    // The face tried when no face of a chain has a character: DejaVu Sans.
    FaceId last_resort();

    const std::filesystem::path& font_dir() const { return font_dir_; }
    const std::filesystem::path& file_of(FaceId id) const;
    FaceMetrics metrics(FaceId id) const;
    // HarfBuzz font at a scale of one font unit per unit, for shaping.
    hb_font_t* hb_font(FaceId id) const;
    double units_per_em(FaceId id) const;
    bool has_glyph_for(FaceId id, char32_t code_point) const;

    // The glyph's outline in em units (1 = the em size), origin on the baseline at the
    // pen position, y up. Loaded once; the reference stays valid as long as the library.
    const Path& glyph_outline(FaceId id, std::uint32_t glyph);

private:
    struct LoadedFace;
    const LoadedFace& loaded(FaceId id) const;
    FaceId load_file(const std::filesystem::path& path, const SourceMark& named_at);

    std::filesystem::path font_dir_;
    mutable std::mutex mutex_;
    struct FreeTypeLibrary;
    std::unique_ptr<FreeTypeLibrary> freetype_;
    std::vector<std::unique_ptr<LoadedFace>> faces_;
    std::unordered_map<std::string, FaceId> face_by_file_;
    std::unordered_map<std::uint64_t, Path> outlines_;  // key: face id << 32 | glyph id
};

}  // namespace attnreel::text
