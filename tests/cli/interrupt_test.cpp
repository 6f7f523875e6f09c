// A signal never leaves a temporary file behind: `frame` and `render` stopped by SIGINT,
// SIGTERM, SIGHUP or SIGQUIT exit with 128 + the signal, remove what they were writing and
// leave the previous output as it was.
#include "process_support.hpp"

#include <chrono>
#include <thread>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kScene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";

struct Stopped {
    int exit_code;
    std::string output;
};

// Starts `arguments`, waits until the temporary output appears beside `out` (which holds
// "previous output"), then sends `signal`.
Stopped stop_while_writing(const ScratchDir& dir, const fs::path& out, std::vector<std::string> arguments,
                           int signal) {
    write_bytes(out, "previous output");
    const ScratchDir logs;  // not in dir, whose listing is checked
    const fs::path log = logs.path / "attnreel.log";
    const pid_t pid = start(arguments, log);
    const bool started = wait_for_temporary_file(dir, out.filename().string(), std::chrono::seconds(60));
    kill(pid, signal);
    const int status = wait_for(pid, std::chrono::seconds(60));
    INFO(read_bytes(log));
    REQUIRE(started);
    return {exit_code_of(status), read_bytes(log)};
}

}  // namespace

TEST_CASE("render stopped by any of the four signals exits 128 + N and leaves nothing behind", "[cli][signals]") {
    for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
        ScratchDir dir;
        const fs::path out = dir.path / "keep.mp4";
        // The whole scene at 1920x1080: many seconds, far longer than the signal takes to come.
        const Stopped s = stop_while_writing(dir, out, {"render", kScene, "-o", out.string(), "--quiet"}, signal);
        INFO("signal " << signal << ": " << s.output);
        CHECK(s.exit_code == 128 + signal);
        CHECK(read_bytes(out) == "previous output");
        CHECK(dir.names() == std::vector<std::string>{"keep.mp4"});
    }
}

TEST_CASE("a GIF render stopped by SIGHUP removes its spool and its temporary file", "[cli][signals]") {
    ScratchDir dir;
    const fs::path out = dir.path / "keep.gif";
    const Stopped s = stop_while_writing(dir, out, {"render", kScene, "-o", out.string(), "--quiet"}, SIGHUP);
    INFO(s.output);
    CHECK(s.exit_code == 128 + SIGHUP);
    CHECK(read_bytes(out) == "previous output");
    CHECK(dir.names() == std::vector<std::string>{"keep.gif"});
}

TEST_CASE("frame stopped by a signal while it writes exits 128 + N and leaves nothing behind", "[cli][signals]") {
    for (const int signal : {SIGINT, SIGTERM}) {
        ScratchDir dir;
        const fs::path out = dir.path / "keep.png";
        // An 8K PNG takes long enough to encode that the signal comes while it is written.
        const Stopped s = stop_while_writing(
            dir, out, {"frame", kScene, "--at", "3", "--size", "7680x4320", "-o", out.string()}, signal);
        INFO("signal " << signal << ": " << s.output);
        CHECK(s.exit_code == 128 + signal);
        CHECK(read_bytes(out) == "previous output");
        CHECK(dir.names() == std::vector<std::string>{"keep.png"});
    }
}

TEST_CASE("a signal the command was started ignoring stays ignored: nohup render survives SIGHUP",
          "[cli][signals]") {
    ScratchDir dir;
    const fs::path out = dir.path / "keep.mp4";
    write_bytes(out, "previous output");
    const ScratchDir logs;
    const fs::path log = logs.path / "attnreel.log";
    // 854x480 at 15 fps: long enough to be signalled while it writes, short enough to finish.
    const pid_t pid = start({"render", kScene, "-o", out.string(), "--quiet", "-ql"}, log, {SIGHUP});
    const bool started = wait_for_temporary_file(dir, out.filename().string(), std::chrono::seconds(60));
    kill(pid, SIGHUP);
    const int status = wait_for(pid, std::chrono::seconds(600));
    INFO(read_bytes(log));
    REQUIRE(started);
    CHECK(exit_code_of(status) == 0);
    CHECK(read_bytes(out) != "previous output");
    CHECK(dir.names() == std::vector<std::string>{"keep.mp4"});
}
