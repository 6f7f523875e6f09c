// The same input and options give the same bytes, for every output format: nothing in a
// file depends on the time of the run (a PDF's creation date) or on the run itself.
#include "process_support.hpp"

#include <chrono>
#include <thread>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kScene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";
const std::string kShort = "--size 320x180 --fps 10 --from 2.5 --to 4.0 --quiet";

// The bytes `arguments` writes to `name` in a fresh folder (every file, for a folder).
std::string output_of(const std::string& arguments, const std::string& name) {
    ScratchDir dir;
    const fs::path out = dir.path / name;
    std::string command = arguments;
    command.replace(command.find("{out}"), 5, quoted(out));
    const Run r = run(command);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    if (!fs::is_directory(out)) return read_bytes(out);
    std::string all;
    std::vector<fs::path> files(fs::directory_iterator(out), fs::directory_iterator{});
    std::sort(files.begin(), files.end());
    for (const auto& f : files) all += f.filename().string() + "\n" + read_bytes(f);
    return all;
}

}  // namespace

TEST_CASE("every output format is byte-identical from one run to the next", "[cli][determinism]") {
    const std::vector<std::pair<std::string, std::string>> writers = {
        {"frame.pdf", "frame " + kScene + " --at 3 -o {out}"},
        {"frame.svg", "frame " + kScene + " --at 3 -o {out}"},
        {"frame.png", "frame " + kScene + " --at 3 -o {out}"},
        {"clip.mp4", "render " + kScene + " " + kShort + " -o {out}"},
        {"clip.gif", "render " + kScene + " " + kShort + " -o {out}"},
        {"frames", "render " + kScene + " " + kShort + " -o {out}/"},
    };
    for (const auto& [name, arguments] : writers) {
        const std::string first = output_of(arguments, name);
        // Past a second: a timestamp in the file would differ.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        const std::string second = output_of(arguments, name);
        INFO(name);
        CHECK(!first.empty());
        CHECK(first == second);
    }
}
