// `attnreel farm` on a real Slurm cluster: tests/cluster/local_slurm.sh starts a one-node
// cluster on localhost (its own munge key and socket, ports and state folder), farm renders
// two example scenes in 3 chunks each, one task is killed mid-render and retried, and the
// joined videos must decode to the frames of one-go renders with keyframes at the same
// boundaries. Every daemon started is stopped by its pid. CTest label `cluster`; needs root.
#include "../cli/process_support.hpp"
#include "../encode/encode_test_support.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <regex>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kSource = ATTNREEL_SOURCE_DIR;
const std::string kSlurm = kSource + "/tests/cluster/local_slurm.sh";
// 960x540 at 30 fps: a chunk takes a few seconds on one core, long enough to be killed mid-render.
const std::string kSettings = "--size 960x540 --fps 30";

// The one-node cluster, for the life of the test; SLURM_CONF set for every command it runs.
struct LocalSlurm {
    ScratchDir state;
    LocalSlurm() {
        const Run r = run_shell(shell_word(kSlurm) + " start " + quoted(state.path));
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        setenv("SLURM_CONF", (state.path / "slurm.conf").c_str(), 1);
    }
    ~LocalSlurm() {
        run_shell(shell_word(kSlurm) + " stop " + quoted(state.path));
        unsetenv("SLURM_CONF");
    }
};

std::string read_text(const fs::path& file) { return fs::exists(file) ? read_bytes(file) : std::string(); }

// Waits for the log of array task `task` to name its first attempt's pid.
pid_t first_attempt_pid(const fs::path& logs, int task, std::chrono::seconds limit) {
    const std::regex line("attempt 1 of [0-9]+: pid ([0-9]+)");
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (fs::exists(logs))
            for (const auto& entry : fs::directory_iterator(logs)) {
                const std::string name = entry.path().filename().string();
                if (name.size() < 6 || name.substr(name.size() - 6) != "_" + std::to_string(task) + ".out") continue;
                std::smatch match;
                const std::string text = read_text(entry.path());
                if (std::regex_search(text, match, line)) return static_cast<pid_t>(std::stol(match[1]));
            }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -1;
}

std::vector<std::uint64_t> hashes_of(const DecodedVideo& video) {
    std::vector<std::uint64_t> hashes;
    for (const Frame& frame : video.frames) hashes.push_back(frame_hash(frame));
    return hashes;
}

// Frames 0 … total-1 cut into 3 as farm cuts them.
std::string boundaries(int total) { return std::to_string(total / 3) + "," + std::to_string(2 * total / 3); }

}  // namespace

TEST_CASE("farm renders two scenes in 3 chunks on a one-node Slurm cluster, retries a killed task, joins them "
          "equal to one-go renders, and resumes",
          "[cluster]") {
    if (geteuid() != 0) FAIL("the cluster suite runs slurmd, which needs root");
    LocalSlurm slurm;
    ScratchDir work;
    const fs::path out = work.path / "out";
    const std::string arrows = kSource + "/examples/self_attention_arrows.yaml";
    const std::string bars = kSource + "/examples/softmax_bars.yaml";

    const fs::path log = work.path / "farm.log";
    const pid_t farm = start({"farm", arrows, bars, "--chunks", "3", "-o", out.string(), "--size", "960x540", "--fps",
                              "30", "--retries", "2", "--cpus-per-task", "1", "--wait"},
                             log);
    // Task 1 (the arrows' middle chunk): killed while it renders, then retried by its script.
    const pid_t victim = first_attempt_pid(out / "farm" / "logs", 1, std::chrono::seconds(120));
    REQUIRE(victim > 0);
    REQUIRE(kill(victim, SIGKILL) == 0);
    const int status = wait_for(farm, std::chrono::seconds(1500));
    const std::string report = read_text(log);
    INFO(report);
    REQUIRE(exit_code_of(status) == 0);
    CHECK(report.find("self_attention_arrows frames 58:116: rendered on attempt 2") != std::string::npos);
    CHECK(std::regex_search(report, std::regex("render job [0-9]+\njoin job [0-9]+\n")));

    for (const std::string& name : {std::string("self_attention_arrows"), std::string("softmax_bars")}) {
        INFO(name);
        const fs::path joined = out / (name + ".mp4");
        REQUIRE(fs::exists(joined));
        const DecodedVideo together = decode_video(joined);
        const int total = static_cast<int>(together.frames.size());
        REQUIRE(total > 30);
        const fs::path whole = work.path / (name + "-one-go.mp4");
        const Run one = run("render " + kSource + "/examples/" + name + ".yaml " + kSettings + " --quiet --keyframes-at " +
                            boundaries(total) + " -o " + quoted(whole));
        REQUIRE(one.exit_code == 0);
        const DecodedVideo one_go = decode_video(whole);
        CHECK(one_go.frames.size() == together.frames.size());
        CHECK(hashes_of(together) == hashes_of(one_go));
        CHECK(together.duration_seconds == Approx(one_go.duration_seconds).margin(1e-9));
    }

    // Run again: every chunk is done, only the join is submitted.
    const auto chunk = out / "chunks/self_attention_arrows/frames-000000-000058.mp4";
    const auto rendered_at = fs::last_write_time(chunk);
    const Run again = run("farm " + arrows + " " + bars + " --chunks 3 -o " + quoted(out) + " " + kSettings + " --wait");
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(again.output.find("0 of 6 chunks to render (6 already done)") != std::string::npos);
    CHECK(fs::last_write_time(chunk) == rendered_at);
}

TEST_CASE("chunks that fail every attempt are named, and their scene is not joined", "[cluster]") {
    if (geteuid() != 0) FAIL("the cluster suite runs slurmd, which needs root");
    LocalSlurm slurm;
    ScratchDir work;
    const fs::path out = work.path / "out";
    const std::string arrows = kSource + "/examples/self_attention_arrows.yaml";
    // An x264 preset no render accepts: every task fails on every attempt.
    const Run r = run("farm " + arrows + " --chunks 3 -o " + quoted(out) +
                      " --size 320x180 --fps 10 --preset nonsense --retries 1 --wait");
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("error: chunk " + arrows + " frames 38:58 failed after 2 attempts") != std::string::npos);
    CHECK(r.output.find("self_attention_arrows.mp4 was not joined") != std::string::npos);
    CHECK_FALSE(fs::exists(out / "self_attention_arrows.mp4"));
}

TEST_CASE("farm with a Slurm controller that does not answer says so and exits 2", "[cluster]") {
    ScratchDir work;
    // A configuration whose controller port nothing listens on.
    const fs::path conf = work.path / "slurm.conf";
    write_bytes(conf, "ClusterName=nowhere\nSlurmctldHost=localhost(127.0.0.1)\nSlurmctldPort=9\n"
                      "AuthType=auth/none\nNodeName=localhost CPUs=1\nPartitionName=p Nodes=localhost Default=YES\n"
                      "MessageTimeout=2\n");
    const Run r = run_shell("SLURM_CONF=" + quoted(conf) + " " + std::string(ATTNREEL_BINARY) + " farm " + kSource +
                            "/examples/self_attention_arrows.yaml --chunks 2 -o " + quoted(work.path / "out"));
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("error: sbatch could not submit") != std::string::npos);
}
