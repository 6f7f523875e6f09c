#include "cluster/slurm_scripts.hpp"

namespace attnreel::cluster {

namespace {

// The #SBATCH lines both jobs share.
std::string common_directives(const FarmOptions& options, const std::string& name, const std::string& log) {
    std::string text = "#!/bin/bash\n";
    text += "#SBATCH --job-name=" + name + "\n";
    text += "#SBATCH --output=" + log + "\n";
    if (!options.partition.empty()) text += "#SBATCH --partition=" + options.partition + "\n";
    if (!options.time_limit.empty()) text += "#SBATCH --time=" + options.time_limit + "\n";
    for (const std::string& arg : options.sbatch_args) text += "#SBATCH " + arg + "\n";
    return text;
}

}  // namespace

std::string shell_word(const std::string& text) {
    std::string word = "'";
    for (char c : text) word += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return word + "'";
}

std::string array_tasks(const std::vector<FarmScene>& scenes) {
    std::string list;
    int task = 0, run_start = -1;
    auto close_run = [&](int end) {  // tasks run_start … end-1
        if (run_start < 0) return;
        if (!list.empty()) list += ",";
        list += end - 1 == run_start ? std::to_string(run_start)
                                     : std::to_string(run_start) + "-" + std::to_string(end - 1);
        run_start = -1;
    };
    for (const FarmScene& scene : scenes)
        for (const FarmChunk& chunk : scene.chunks) {
            if (chunk.done) close_run(task);
            else if (run_start < 0) run_start = task;
            ++task;
        }
    close_run(task);
    return list;
}

std::string failure_line(const FarmScene& scene, const FarmChunk& chunk, int attempts) {
    return "attnreel farm: chunk " + scene.scene.string() + " frames " + chunk.range() + " failed after " +
           std::to_string(attempts) + " attempts";
}

std::string render_script(const std::vector<FarmScene>& scenes, const FarmOptions& options) {
    const int attempts = options.retries + 1;
    std::string text = common_directives(options, "attnreel-render",
                                         (farm_folder(options) / "logs" / "render-%A_%a.out").string());
    if (options.cpus_per_task > 0) text += "#SBATCH --cpus-per-task=" + std::to_string(options.cpus_per_task) + "\n";
    text += "#SBATCH --array=" + array_tasks(scenes) + "\n";
    text += "# One task per chunk: `attnreel render SCENE --frames A:B`, tried up to " + std::to_string(attempts) +
            " times.\nset -u\n";
    text += "case \"$SLURM_ARRAY_TASK_ID\" in\n";
    int task = 0;
    for (const FarmScene& scene : scenes)
        for (const FarmChunk& chunk : scene.chunks) {
            text += "  " + std::to_string(task++) + ") scene=" + shell_word(scene.scene.string()) +
                    " frames=" + chunk.range() + " chunk=" + shell_word(chunk.file.string()) + " failure=" +
                    shell_word(failure_line(scene, chunk, attempts)) + " ;;\n";
        }
    text += "  *) echo \"attnreel farm: no chunk for task $SLURM_ARRAY_TASK_ID\" >&2; exit 1 ;;\nesac\n";
    text += "mkdir -p \"$(dirname \"$chunk\")\"\n";
    text += "for attempt in $(seq 1 " + std::to_string(attempts) + "); do\n";
    text += "  " + shell_word(options.attnreel.string()) +
            " render \"$scene\" --frames \"$frames\" -o \"$chunk\" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --quiet";
    for (const std::string& arg : options.render_args) text += " " + shell_word(arg);
    text += " &\n";
    text += "  pid=$!\n";
    text += "  echo \"attnreel farm: $scene frames $frames attempt $attempt of " + std::to_string(attempts) +
            ": pid $pid on $(hostname)\"\n";
    text += "  wait \"$pid\"\n  status=$?\n";
    text += "  if [ \"$status\" -eq 0 ]; then echo \"attnreel farm: $scene frames $frames done\"; exit 0; fi\n";
    text += "  echo \"attnreel farm: $scene frames $frames attempt $attempt failed (exit status $status)\"\n";
    text += "done\n";
    text += "echo \"$failure\" >&2\nexit 1\n";
    return text;
}

std::string join_script(const std::vector<FarmScene>& scenes, const FarmOptions& options) {
    std::string text =
        common_directives(options, "attnreel-join", (farm_folder(options) / "logs" / "join-%j.out").string());
    text += "# Joins every scene's chunks by stream copy (I/O only, one CPU).\nstatus=0\n";
    for (const FarmScene& scene : scenes) {
        text += shell_word(options.attnreel.string()) + " join";
        for (const FarmChunk& chunk : scene.chunks) text += " " + shell_word(chunk.file.string());
        text += " -o " + shell_word(scene.output.string()) + " || status=1\n";
    }
    text += "exit $status\n";
    return text;
}

}  // namespace attnreel::cluster
