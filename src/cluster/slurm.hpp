#pragma once
// Talking to Slurm through its own commands (sbatch, squeue), as a user at a login node
// would: submit a script, learn its job id, wait until jobs have left the queue.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace attnreel::cluster {

// Slurm is not installed, not reachable, or refused a job: the message says which, with
// Slurm's own words. The user's to fix (exit 2).
class SlurmError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The path of `command` (sbatch, squeue) on PATH, or SlurmError saying Slurm is not installed.
std::filesystem::path find_slurm_command(const std::string& command);

// Submits `script` with `sbatch --parsable [arguments...] script` and returns the job id.
std::string submit(const std::filesystem::path& script, const std::vector<std::string>& arguments = {});

// True while any of `jobs` (ids, array jobs included) is still pending or running.
bool in_queue(const std::vector<std::string>& jobs);

}  // namespace attnreel::cluster
