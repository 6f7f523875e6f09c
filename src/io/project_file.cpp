#include "io/project_file.hpp"

#include "core/input_file.hpp"
#include "core/limits.hpp"
#include "io/yaml_reader.hpp"
#include "text/font_library.hpp"

#include <filesystem>

namespace attnreel {

namespace fs = std::filesystem;

std::optional<ProjectSettings> find_project(const std::string& scene_path) {
    const fs::path folder = fs::path(scene_path).parent_path();
    const fs::path candidate = folder / kProjectFileName;
    std::error_code error;
    if (!fs::exists(candidate, error)) return std::nullopt;
    return load_project_file(candidate.string());
}

ProjectSettings load_project_file(const std::string& path) {
    ProjectSettings project;
    project.file = path;
    const std::string text = read_input_file(path, {"project file", limits::scene_file_bytes});
    // A project file of comments alone (or nothing) sets no defaults.
    const YAML::Node root = text.find_first_not_of(" \t\r\n") == std::string::npos ? YAML::Node()
                                                                                   : parse_yaml_text(text, path);
    if (root.IsNull()) return project;
    const YamlReader in(path, text);
    const YAML::Node m = in.map(root, "the project file");
    in.only_keys(m, {"quality", "format", "output", "fonts"}, "the project file");
    const std::string folder = fs::path(path).parent_path().string();
    const auto resolved = [&](const std::string& p) {
        return fs::path(p).is_relative() && !folder.empty() ? (fs::path(folder) / p).lexically_normal().string() : p;
    };
    if (const YAML::Node q = m["quality"]) {
        project.quality = in.string(q, "quality");
        project.quality_mark = in.mark(q);
    }
    if (const YAML::Node f = m["format"]) {
        project.format = in.string(f, "format");
        project.format_mark = in.mark(f);
    }
    if (const YAML::Node o = m["output"]) project.output = resolved(in.string(o, "output"));
    if (const YAML::Node fonts = m["fonts"]) {
        for (const auto& f : in.list(fonts, "fonts", 64)) {
            const std::string file = resolved(in.string(f, "fonts"));
            text::check_font(file, in.mark(f));
            project.fonts.push_back({file, in.mark(f)});
        }
    }
    return project;
}

}  // namespace attnreel
