#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "preview/preview_server.hpp"

#include <cstdio>

namespace attnreel::cli {

namespace {

const char* kHelp =
    "usage: attnreel preview SCENE.yaml [--port N] [--host ADDRESS] [--open] [--size WxH]\n\n"
    "Serves a live preview of the scene on http://127.0.0.1:PORT/: the frame at any time,\n"
    "a scrubber, play and pause at real speed, steps by frame and by timeline step, and the\n"
    "timeline's steps with their YAML line (click one to jump there); the time is kept in\n"
    "the page's address. Saving the scene, or a file it uses, reloads it and refreshes the\n"
    "page at the same time; a save that does not load shows its error (file:line:col) and\n"
    "keeps the last good frame. Frames are rendered on demand at preview size and cached.\n"
    "The server answers with the page and the scene's frames only, never with files.\n\n"
    "options:\n"
    "  --port N        the port (default 7341, or the next free one; 0: any free port)\n"
    "  --host ADDRESS  the address to listen on (default 127.0.0.1: this machine only)\n"
    "  --open          open the page in the desktop's browser (xdg-open)\n"
    "  --size WxH      the frames' pixel size (default: 720 pixels high at the scene's shape)\n";

}  // namespace

int preview_command(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {{"--help", "-h", false},
                                         {"--port", "-p", true},
                                         {"--host", "", true},
                                         {"--open", "", false},
                                         {"--size", "", true}});
    if (args.has("--help")) {
        std::printf("%s", kHelp);
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("preview takes one scene file (see 'attnreel preview --help')");
    preview::PreviewOptions options;
    options.scene_path = args.positional[0];
    if (const auto port = args.get("--port")) {
        options.port = parse_int("--port", *port, 0, 65535);
        options.port_given = true;
    }
    if (const auto host = args.get("--host")) options.host = *host;
    options.open_browser = args.has("--open");
    if (const auto size = args.get("--size")) {
        const auto [width, height] = parse_size("--size", *size);
        options.size = preview::FrameSize{width, height};
    }
    return preview::serve(options);
}

}  // namespace attnreel::cli
