#pragma once
// What `attnreel farm` asks of Slurm: for every scene, its chunks (frames A … B-1 of the
// whole video, each rendered by one task of a job array, each to its own MP4) and the video
// they join into; and how the jobs are to be run. Plain values: the scripts are made from it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace attnreel::cluster {

struct FarmChunk {
    std::int64_t first = 0, end = 0;  // frames first … end-1
    std::filesystem::path file;       // out/chunks/<scene>/frames-000040-000080.mp4
    bool done = false;                // already rendered with this scene and settings (resume)

    std::string range() const { return std::to_string(first) + ":" + std::to_string(end); }
};

struct FarmScene {
    std::filesystem::path scene;   // absolute: every node reads it from the shared path
    std::string name;              // the scene's name, for chunk folders and messages
    std::filesystem::path output;  // out/<name>.mp4
    std::vector<FarmChunk> chunks;
};

struct FarmOptions {
    std::filesystem::path attnreel;        // the executable the nodes run (a shared path)
    std::filesystem::path folder;          // -o: outputs, chunks, scripts and logs
    std::vector<std::string> render_args;  // passed to every `render` (--quality, --crf, ...)
    int retries = 2;                       // attempts after the first, per chunk
    std::string partition;                 // empty: the cluster's default
    std::string time_limit;                // per task; empty: the partition's default
    int cpus_per_task = 0;                 // 0: the cluster's default (1)
    std::vector<std::string> sbatch_args;  // given to both jobs as they are
};

// Frames 0 … total-1 cut into `chunks` ranges of nearly equal length (at most `total`
// ranges: no empty chunk), boundaries at floor(k × total / chunks).
std::vector<std::pair<std::int64_t, std::int64_t>> split_frames(std::int64_t total, int chunks);

// The folder the scripts and logs go in: <folder>/farm.
std::filesystem::path farm_folder(const FarmOptions& options);
// Where task `task` of array job `job` writes its log.
std::filesystem::path task_log(const FarmOptions& options, const std::string& job, int task);
std::filesystem::path join_log(const FarmOptions& options, const std::string& job);

}  // namespace attnreel::cluster
