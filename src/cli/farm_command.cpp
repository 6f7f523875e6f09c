#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/render_plan.hpp"
#include "cluster/farm_plan.hpp"
#include "cluster/slurm.hpp"
#include "cluster/slurm_scripts.hpp"
#include "core/error.hpp"
#include "encode/chunk_tag.hpp"
#include "encode/mp4_join.hpp"
#include "encode/temp_file.hpp"
#include "io/scene_file.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace attnreel::cli {

namespace fs = std::filesystem;
using namespace cluster;

namespace {

const char* kHelp =
    "usage: attnreel farm SCENE.yaml [SCENE.yaml...] --chunks N -o OUT/ [options]\n\n"
    "Renders scenes on a Slurm cluster: a job array with one task per chunk of every scene\n"
    "('attnreel render SCENE --frames A:B'), then a join job (--dependency=afterok on the\n"
    "array) that joins each scene's chunks into OUT/<scene>.mp4 by stream copy. Chunks go to\n"
    "OUT/chunks/<scene>/, the scripts and logs to OUT/farm/. A chunk that failed is tried\n"
    "again (--retries); run farm again to resume: chunks already rendered from the same scene\n"
    "and settings are not rendered again. The scenes, the files they read, this attnreel and\n"
    "OUT must be on a path every node shares (see docs/cluster.md).\n\n"
    "options:\n"
    "  --chunks N          chunks per scene (frames split evenly)\n"
    "  -o, --output DIR    where outputs, chunks, scripts and logs go (default out/)\n"
    "  --partition NAME    Slurm partition (default: the cluster's)\n"
    "  --time LIMIT        time limit per task, as sbatch takes it (e.g. 30:00)\n"
    "  --cpus-per-task N   cores per task; each render uses them all (default 1)\n"
    "  --sbatch-args ARGS  more sbatch options for both jobs, e.g. \"--mem=4G --account=vis\"\n"
    "  --retries N         attempts after the first for a failing chunk (default 2)\n"
    "  --wait              wait for the jobs, then report each chunk and video\n"
    "  --dry-run           print the scripts and the sbatch commands; submit nothing\n"
    "  --quality, --size, --fps, --crf, --preset, --burn-captions  as for 'attnreel render'\n";

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::stringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

std::string chunk_name(std::int64_t first, std::int64_t end) {
    char name[64];
    std::snprintf(name, sizeof name, "frames-%06lld-%06lld.mp4", static_cast<long long>(first),
                  static_cast<long long>(end));
    return name;
}

// A chunk already rendered from this scene with these settings (resume).
bool chunk_done(const fs::path& file, const ChunkTag& expected) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return false;
    try {
        const ChunkTag tag = read_mp4_chunk_tag(file);
        return tag.scene == expected.scene && tag.settings == expected.settings && tag.first == expected.first &&
               tag.end == expected.end && tag.total == expected.total;
    } catch (const InputError&) {
        return false;  // unreadable: render it again
    }
}

FarmScene plan_scene(const std::string& path, const Args& args, int chunk_count, const fs::path& folder) {
    text::FontLibrary fonts;
    std::vector<std::string> inputs;
    const LoadedScene loaded = load_scene(path, fonts, &inputs);
    const RenderPlan plan = plan_render(args, loaded);
    FarmScene scene;
    scene.scene = fs::absolute(path).lexically_normal();
    scene.name = loaded.scene.name;
    scene.output = folder / (scene.name + ".mp4");
    const std::int64_t total = frames_between(0, loaded.scene.duration, plan.fps);
    ChunkTag expected{loaded.scene.name + "@" + scene_fingerprint(inputs), chunk_settings(args, plan), 0, 0, total};
    for (const auto& [first, end] : split_frames(total, chunk_count)) {
        FarmChunk chunk;
        chunk.first = first;
        chunk.end = end;
        chunk.file = folder / "chunks" / scene.name / chunk_name(first, end);
        expected.first = first;
        expected.end = end;
        chunk.done = chunk_done(chunk.file, expected);
        scene.chunks.push_back(chunk);
    }
    return scene;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int count_of(const std::string& text, const std::string& part) {
    int count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// After the jobs have left the queue: what became of each chunk and each video.
int report(const std::vector<FarmScene>& scenes, const FarmOptions& options, const std::string& array_job,
           const std::string& join_job, fs::file_time_type submitted) {
    int failures = 0, task = 0;
    for (const FarmScene& scene : scenes) {
        for (const FarmChunk& chunk : scene.chunks) {
            const int this_task = task++;
            if (chunk.done) continue;
            const fs::path log = task_log(options, array_job, this_task);
            const std::string text = read_text(log);
            const int failed_attempts = count_of(text, " failed (exit status");
            std::error_code ec;
            const bool rendered = fs::is_regular_file(chunk.file, ec) && fs::last_write_time(chunk.file, ec) >= submitted;
            if (rendered && failed_attempts > 0)
                std::fprintf(stderr, "%s frames %s: rendered on attempt %d (%d failed; log %s)\n", scene.name.c_str(),
                             chunk.range().c_str(), failed_attempts + 1, failed_attempts, log.c_str());
            if (!rendered) {
                ++failures;
                std::fprintf(stderr, "error: chunk %s frames %s failed after %d attempts (log %s)\n",
                             scene.scene.c_str(), chunk.range().c_str(), std::max(failed_attempts, 1), log.c_str());
            }
        }
        std::error_code ec;
        if (fs::is_regular_file(scene.output, ec) && fs::last_write_time(scene.output, ec) >= submitted) {
            std::printf("%s\n", scene.output.c_str());
        } else {
            ++failures;
            std::fprintf(stderr, "error: %s was not joined (log %s)\n", scene.output.c_str(),
                         join_log(options, join_job).c_str());
        }
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace

int farm_command(const std::vector<std::string>& words) {
    const Args args = parse_args(
        words, {{"--help", "-h", false},    {"--output", "-o", true},       {"--chunks", "", true},
                {"--partition", "", true},  {"--time", "", true},           {"--cpus-per-task", "", true},
                {"--sbatch-args", "", true}, {"--retries", "", true},       {"--wait", "", false},
                {"--dry-run", "", false},   {"--quality", "", true},        {"--size", "", true},
                {"--fps", "", true},        {"--crf", "", true},            {"--preset", "", true},
                {"--burn-captions", "", false}, {"--quiet", "-q", false}});
    if (args.has("--help")) {
        std::printf("%s", kHelp);
        return 0;
    }
    if (args.positional.empty()) throw UsageError("farm takes one or more scene files (see 'attnreel farm --help')");
    if (!args.has("--chunks")) throw UsageError("farm needs --chunks N, the number of chunks per scene");
    const int chunk_count = parse_int("--chunks", *args.get("--chunks"), 1, 100000);
    check_render_options(args);

    FarmOptions options;
    options.folder = fs::absolute(args.get("--output").value_or("out")).lexically_normal();
    options.attnreel = fs::read_symlink("/proc/self/exe");
    if (const auto r = args.get("--retries")) options.retries = parse_int("--retries", *r, 0, 100);
    options.partition = args.get("--partition").value_or("");
    options.time_limit = args.get("--time").value_or("");
    if (const auto c = args.get("--cpus-per-task")) options.cpus_per_task = parse_int("--cpus-per-task", *c, 1, 4096);
    if (const auto s = args.get("--sbatch-args")) options.sbatch_args = split_words(*s);
    for (const char* name : {"--quality", "--size", "--fps", "--crf", "--preset"})
        if (const auto value = args.get(name)) {
            options.render_args.push_back(name);
            options.render_args.push_back(*value);
        }
    if (args.has("--burn-captions")) options.render_args.push_back("--burn-captions");

    std::vector<FarmScene> scenes;
    std::set<std::string> names;
    for (const std::string& path : args.positional) {
        scenes.push_back(plan_scene(path, args, chunk_count, options.folder));
        if (!names.insert(scenes.back().name).second)
            throw UsageError("two scenes are named '" + scenes.back().name + "': their videos would both be " +
                             scenes.back().output.string());
    }
    const std::string render = render_script(scenes, options);
    const std::string join = join_script(scenes, options);
    const std::string tasks = array_tasks(scenes);
    const fs::path render_file = farm_folder(options) / "render.sbatch";
    const fs::path join_file = farm_folder(options) / "join.sbatch";
    int to_render = 0, all = 0;
    for (const FarmScene& scene : scenes)
        for (const FarmChunk& chunk : scene.chunks) ++all, to_render += chunk.done ? 0 : 1;

    if (args.has("--dry-run")) {
        std::printf("# %s\n%s\n# %s\n%s\n", render_file.c_str(), render.c_str(), join_file.c_str(), join.c_str());
        if (tasks.empty()) std::printf("# every chunk is done: sbatch %s\n", join_file.c_str());
        else
            std::printf("# sbatch %s\n# sbatch --dependency=afterok:<render job> --kill-on-invalid-dep=yes %s\n",
                        render_file.c_str(), join_file.c_str());
        std::fflush(stdout);  // the scripts before the summary, when both go to one pipe
        std::fprintf(stderr, "%d of %d chunks to render; nothing submitted (--dry-run)\n", to_render, all);
        return 0;
    }

    try {
        find_slurm_command("sbatch");
        fs::create_directories(farm_folder(options) / "logs");
        for (const FarmScene& scene : scenes) fs::create_directories(scene.chunks.front().file.parent_path());
        write_file(render_file, render, render_file.string());
        write_file(join_file, join, join_file.string());
        const fs::file_time_type submitted = fs::file_time_type::clock::now() - std::chrono::seconds(1);
        std::string array_job;
        std::string join_job;
        if (!tasks.empty()) {
            array_job = submit(render_file);
            join_job = submit(join_file, {"--dependency=afterok:" + array_job, "--kill-on-invalid-dep=yes"});
        } else {
            join_job = submit(join_file);
        }
        std::fprintf(stderr, "%d of %d chunks to render (%d already done)\n", to_render, all, all - to_render);
        std::fflush(stderr);
        if (!array_job.empty()) std::printf("render job %s\n", array_job.c_str());
        std::printf("join job %s\n", join_job.c_str());
        std::fflush(stdout);
        if (!args.has("--wait")) return 0;
        std::vector<std::string> jobs = {join_job};
        if (!array_job.empty()) jobs.push_back(array_job);
        while (in_queue(jobs)) std::this_thread::sleep_for(std::chrono::seconds(2));
        return report(scenes, options, array_job, join_job, submitted);
    } catch (const SlurmError& e) {
        throw UsageError(e.what());
    }
}

}  // namespace attnreel::cli
