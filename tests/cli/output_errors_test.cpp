// Outputs that cannot be written: a full disk, a file-size limit, a read-only folder, an
// output that is a file the scene reads, a name as long as the system allows. Each failure
// exits 2 with what failed and the system's reason, removes its temporary files and leaves
// the previous output as it was.
#include "process_support.hpp"

#include <optional>
#include <sstream>

using namespace attnreel;
using namespace attnreel::test;

namespace {

const std::string kScene = std::string(ATTNREEL_SOURCE_DIR) + "/examples/self_attention_arrows.yaml";
const std::string kBinary = ATTNREEL_BINARY;
const std::string kShort = "--size 320x180 --fps 10 --from 2.5 --to 4.0 --quiet";

// Every way of writing an output: its name in the folder and the arguments that write it.
struct Writer {
    std::string name;
    std::string arguments;  // "{out}" stands for the output's path
};
const std::vector<Writer> kWriters = {
    {"clip.mp4", "render " + kScene + " " + kShort + " -o {out}"},
    {"clip.gif", "render " + kScene + " " + kShort + " -o {out}"},
    {"still.png", "render " + kScene + " " + kShort + " -o {out}"},
    {"frames", "render " + kScene + " " + kShort + " -o {out}/"},
    {"frame.png", "frame " + kScene + " --at 3 -o {out}"},
    {"frame.svg", "frame " + kScene + " --at 3 -o {out}"},
    {"frame.pdf", "frame " + kScene + " --at 3 -o {out}"},
};

std::string with_output(std::string arguments, const fs::path& out) {
    return arguments.replace(arguments.find("{out}"), 5, quoted(out));
}

// The file a previous run left: the output itself, or a frame in the output folder.
fs::path previous_output(const Writer& w, const fs::path& out) {
    return w.name == "frames" ? out / "frame_00000.png" : out;
}

// Runs `script` as root in a mount namespace of its own, so that it can mount a small
// tmpfs that nobody else sees and that vanishes with it. nullopt where the system allows
// no such namespace (an unprivileged container).
std::optional<Run> in_private_mounts(const std::string& script) {
    for (const std::string unshare : {"unshare --mount", "unshare --user --map-root-user --mount"}) {
        if (run_shell(unshare + " true").exit_code != 0) continue;
        return run_shell(unshare + " sh -c " + shell_word(script));
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("on a full disk every output exits 2 with 'No space left on device' and leaves the old one",
          "[cli][output]") {
    ScratchDir mount_point;
    const fs::path dir = mount_point.path;
    for (const Writer& w : kWriters) {
        const fs::path out = dir / w.name, previous = previous_output(w, out);
        // 8 KiB: the previous output takes one page, and nothing these write fits in the other.
        std::ostringstream script;
        script << "mount -t tmpfs -o size=8k tmpfs " << quoted(dir) << " || exit 99\n"
               << (w.name == "frames" ? "mkdir " + quoted(out) + "\n" : "")
               << "printf 'previous output' > " << quoted(previous) << "\n"
               << kBinary << " " << with_output(w.arguments, out) << "\n"
               << "echo \"exit=$?\"; ls -A " << quoted(dir) << "; [ -d " << quoted(out) << " ] && ls -A "
               << quoted(out) << "; echo; cat " << quoted(previous) << "\n";
        const std::optional<Run> r = in_private_mounts(script.str());
        if (!r) {
            WARN("no mount namespace here: the full-disk case is covered by the file-size limit test only");
            return;
        }
        INFO(w.name << ":\n" << r->output);
        REQUIRE(r->exit_code != 99);
        CHECK_THAT(r->output, Catch::Contains("No space left on device"));
        CHECK_THAT(r->output, Catch::Contains("exit=2\n"));
        CHECK_THAT(r->output, !Catch::Contains("internal error"));
        // Nothing but the previous output in the folder, and it is intact.
        const std::string listing = w.name == "frames" ? "frames\nframe_00000.png\n" : w.name + "\n";
        CHECK_THAT(r->output, Catch::EndsWith("exit=2\n" + listing + "\nprevious output"));
    }
}

TEST_CASE("past a file-size limit every output exits 2 with the reason and leaves the old one", "[cli][output]") {
    for (const Writer& w : kWriters) {
        ScratchDir dir;
        const fs::path out = dir.path / w.name, previous = previous_output(w, out);
        if (w.name == "frames") fs::create_directory(out);
        write_bytes(previous, "previous output");
        // ulimit -f counts 512-byte blocks: 2 KiB is less than any of these outputs.
        const Run r = run_shell("ulimit -f 4; exec " + kBinary + " " + with_output(w.arguments, out));
        INFO(w.name << ": " << r.output);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains("File too large"));
        CHECK_THAT(r.output, !Catch::Contains("internal error"));
        CHECK(read_bytes(previous) == "previous output");
        CHECK(dir.names() == std::vector<std::string>{w.name});
        if (w.name == "frames") CHECK(fs::directory_iterator(out)->path().filename() == "frame_00000.png");
    }
}

TEST_CASE("an out/ folder that cannot be made exits 2 with the reason", "[cli][output]") {
    ScratchDir dir;
    write_bytes(dir.path / "out", "a file where the folder would go");
    const Run r = run("render " + kScene + " " + kShort, dir.path);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("out: cannot create the output folder: Not a directory"));
    // Read-only: as root, only a read-only mount refuses a write.
    const std::optional<Run> ro = in_private_mounts("mount -t tmpfs -o ro tmpfs " + quoted(dir.path) + " && cd " +
                                                    quoted(dir.path) + " && " + kBinary + " render " + kScene + " " +
                                                    kShort + "; echo \"exit=$?\"");
    if (!ro) return;
    INFO(ro->output);
    CHECK_THAT(ro->output, Catch::Contains("out: cannot create the output folder: Read-only file system"));
    CHECK_THAT(ro->output, Catch::EndsWith("exit=2\n"));
}

TEST_CASE("an output that is a file the scene reads is refused with exit 2, and the file kept", "[cli][output]") {
    ScratchDir dir;
    // A scene may have any name, even one that looks like a picture.
    const fs::path scene = dir.path / "lesson.png";
    fs::copy_file(kScene, scene);
    const std::string original = read_bytes(scene);
    for (const std::string& command : {"frame " + quoted(scene) + " --at 1 -o " + quoted(scene),
                                       "render " + quoted(scene) + " --quiet -o " + quoted(scene)}) {
        const Run r = run(command);
        INFO(r.output);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains("which the scene reads"));
        CHECK(read_bytes(scene) == original);
    }
    // Through a symlink, and for a font the scene names.
    fs::create_symlink(scene, dir.path / "link.mp4");
    CHECK(run("render " + quoted(scene) + " --quiet -o " + quoted(dir.path / "link.mp4")).exit_code == 2);
    CHECK(read_bytes(scene) == original);
    fs::copy_file(std::string(ATTNREEL_SOURCE_DIR) + "/fonts/dejavu/DejaVuSans.ttf", dir.path / "font.png");
    write_bytes(dir.path / "fonts.yaml", "scene: {fonts: [font.png]}\nobjects: []\ntimeline: [{wait: 1}]\n");
    const std::string font = read_bytes(dir.path / "font.png");
    const Run r = run("frame " + quoted(dir.path / "fonts.yaml") + " --at 0 -o " + quoted(dir.path / "font.png"));
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(read_bytes(dir.path / "font.png") == font);
}

TEST_CASE("an output name as long as the system allows gets a temporary name too", "[cli][output]") {
    for (const std::string extension : {".png", ".mp4", ".gif", ".pdf"}) {
        ScratchDir dir;
        const std::string name = std::string(255 - extension.size(), 'n') + extension;
        const std::string command = extension == ".png" || extension == ".pdf"
                                        ? "frame " + kScene + " --at 3 --size 320x180"
                                        : "render " + kScene + " " + kShort;
        const Run r = run(command + " -o " + quoted(dir.path / name));
        INFO(extension << ": " << r.output);
        CHECK(r.exit_code == 0);
        CHECK(dir.names() == std::vector<std::string>{name});
    }
}
