#pragma once
// The two batch scripts of a farm: a job array with one task per chunk still to render
// (each task retries its render before it fails, naming the chunk), and a join job that
// joins every scene's chunks once the array has succeeded (sbatch --dependency=afterok).
#include "cluster/farm_plan.hpp"

#include <string>
#include <vector>

namespace attnreel::cluster {

// `text` as one shell word.
std::string shell_word(const std::string& text);

// Array task numbers of the chunks still to render ("0,2,5-7" in sbatch's list syntax, from
// a running number over every chunk of every scene), or "" when every chunk is done.
std::string array_tasks(const std::vector<FarmScene>& scenes);

// The job array's script; its tasks are numbered as array_tasks() numbers them.
std::string render_script(const std::vector<FarmScene>& scenes, const FarmOptions& options);
// The join job's script: `attnreel join` for every scene; fails when any join fails.
std::string join_script(const std::vector<FarmScene>& scenes, const FarmOptions& options);

// The line a task writes to its log when a chunk failed every attempt (what farm --wait reports).
std::string failure_line(const FarmScene& scene, const FarmChunk& chunk, int attempts);

}  // namespace attnreel::cluster
