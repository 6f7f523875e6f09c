// `attnreel farm` without a cluster: the scripts it would submit (--dry-run) and the clear
// refusal when Slurm is not installed. tests/cluster runs it on a real one-node cluster.
#include "../encode/encode_test_support.hpp"
#include "process_support.hpp"

#include <catch2/catch.hpp>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kArrows = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";
const std::string kBars = std::string(ATTNREEL_SOURCE_DIR) + "/examples/softmax_bars.yaml";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("farm --dry-run prints a job array of every chunk of every scene and a join job after it",
          "[cli][farm]") {
    ScratchDir dir;
    const fs::path out = dir.path / "out";
    const Run r = run("farm " + kArrows + " " + kBars + " --chunks 3 -o " + quoted(out) +
                      " --size 320x180 --fps 10 --partition gpu --time 30:00 --cpus-per-task 4"
                      " --sbatch-args '--mem=2G --account=vis' --retries 3 --dry-run");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.output, "#SBATCH --array=0-5\n"));
    CHECK(has(r.output, "#SBATCH --partition=gpu\n"));
    CHECK(has(r.output, "#SBATCH --time=30:00\n"));
    CHECK(has(r.output, "#SBATCH --cpus-per-task=4\n"));
    CHECK(has(r.output, "#SBATCH --mem=2G\n#SBATCH --account=vis\n"));
    CHECK(has(r.output, "for attempt in $(seq 1 4)"));
    // 58 frames at 10 fps, cut at 19 and 38; each chunk to its own file.
    CHECK(has(r.output, "frames=19:38 chunk='" + (out / "chunks/self_attention_arrows/frames-000019-000038.mp4").string()));
    CHECK(has(r.output, "--dependency=afterok:<render job> --kill-on-invalid-dep=yes"));
    CHECK(has(r.output, " -o '" + (out / "self_attention_arrows.mp4").string() + "'"));
    CHECK(has(r.output, "'--size' '320x180' '--fps' '10'"));
    CHECK(has(r.output, "6 of 6 chunks to render; nothing submitted"));
    CHECK_FALSE(fs::exists(out));  // a dry run writes nothing
}

TEST_CASE("farm resumes: chunks already rendered from the same scene and settings are left out", "[cli][farm]") {
    ScratchDir dir;
    const fs::path out = dir.path / "out";
    const fs::path chunk = out / "chunks/self_attention_arrows/frames-000019-000038.mp4";
    fs::create_directories(chunk.parent_path());
    const Run rendered =
        run("render " + kArrows + " --size 320x180 --fps 10 --frames 19:38 --quiet -o " + quoted(chunk));
    REQUIRE(rendered.exit_code == 0);
    const Run r = run("farm " + kArrows + " --chunks 3 -o " + quoted(out) + " --size 320x180 --fps 10 --dry-run");
    INFO(r.output);
    CHECK(has(r.output, "#SBATCH --array=0,2\n"));
    CHECK(has(r.output, "2 of 3 chunks to render"));
    // Other settings: the chunk does not count as done.
    const Run other = run("farm " + kArrows + " --chunks 3 -o " + quoted(out) + " --size 320x180 --fps 10 --crf 30 --dry-run");
    CHECK(has(other.output, "#SBATCH --array=0-2\n"));
}

TEST_CASE("farm without Slurm says so and exits 2", "[cli][farm]") {
    ScratchDir dir;
    const Run r = run_shell("env PATH=/nonexistent " + std::string(ATTNREEL_BINARY) + " farm " + kArrows +
                            " --chunks 2 -o " + quoted(dir.path / "out"));
    CHECK(r.exit_code == 2);
    CHECK(has(r.output, "error: Slurm is not installed here: 'sbatch' is not on PATH"));
    const Run no_chunks = run("farm " + kArrows + " -o " + quoted(dir.path / "out"));
    CHECK(no_chunks.exit_code == 2);
    CHECK(has(no_chunks.output, "farm needs --chunks N"));
}
