#include "cluster/slurm.hpp"

#include "cluster/slurm_scripts.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace attnreel::cluster {

namespace fs = std::filesystem;

namespace {

struct Output {
    int exit_code;
    std::string text;  // stdout and stderr together
};

Output run(const std::vector<std::string>& words) {
    std::string command;
    for (const std::string& word : words) command += (command.empty() ? "" : " ") + shell_word(word);
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) throw SlurmError("cannot run " + words.front());
    std::string text;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

fs::path find_slurm_command(const std::string& command) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (dir.empty()) continue;
        const fs::path candidate = fs::path(dir) / command;
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    throw SlurmError("Slurm is not installed here: '" + command +
                     "' is not on PATH (farm submits its jobs with Slurm's sbatch; run it on a cluster's login "
                     "node, or use --dry-run to see the scripts)");
}

std::string submit(const fs::path& script, const std::vector<std::string>& arguments) {
    std::vector<std::string> words = {find_slurm_command("sbatch").string(), "--parsable"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    words.push_back(script.string());
    const Output out = run(words);
    // --parsable prints "id" or "id;cluster" as its last line.
    std::string last;
    std::stringstream lines(out.text);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) last = line;
    const std::string id = last.substr(0, last.find(';'));
    const bool numeric = !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
    if (out.exit_code != 0 || !numeric)
        throw SlurmError("sbatch could not submit " + script.string() + ": " +
                         (trimmed(out.text).empty() ? "exit status " + std::to_string(out.exit_code)
                                                    : trimmed(out.text)));
    return id;
}

bool in_queue(const std::vector<std::string>& jobs) {
    const fs::path squeue = find_slurm_command("squeue");
    for (const std::string& job : jobs) {
        const Output out = run({squeue.string(), "--noheader", "--format=%i", "--jobs=" + job});
        // squeue refuses an id that has left the controller's memory: that job is over.
        if (out.exit_code != 0) {
            if (out.text.find("Invalid job id") != std::string::npos) continue;
            throw SlurmError("squeue could not list job " + job + ": " + trimmed(out.text));
        }
        if (!trimmed(out.text).empty()) return true;
    }
    return false;
}

}  // namespace attnreel::cluster
