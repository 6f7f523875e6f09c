#pragma once
// `attnreel preview`: a small web server on the loopback address that shows a scene in the
// browser. It serves the page itself (from memory), the scene's state as JSON and its
// frames as PNG, nothing else: no file is ever read from disk on a request's behalf.
//
//   GET /                      the page
//   GET /api/state?since=G     the state (timeline, error, warnings); with `since`, waits
//                              until the generation differs from G (a save), at most 25 s
//   GET /frame?t=SECONDS       the frame at t, at preview size, as PNG
#include "preview/state_json.hpp"

#include <memory>
#include <optional>
#include <string>

namespace attnreel::preview {

struct PreviewOptions {
    std::string scene_path;
    std::string host = "127.0.0.1";  // the loopback address unless told otherwise
    int port = 7341;                 // 0: any free port
    bool port_given = false;         // false: try the next ports when the default one is taken
    bool open_browser = false;       // --open: launch the desktop's browser on the page
    std::optional<FrameSize> size;   // none: 720 pixels high at the scene's shape
};

// The server itself, for `serve` and for tests: bind, then run until stop().
class PreviewServer {
public:
    explicit PreviewServer(const PreviewOptions& options);  // loads the scene
    ~PreviewServer();
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    // Takes the address and port (the next few ports when the default one is taken and no
    // port was asked for); false when none can be had.
    bool bind();
    int port() const;
    std::string url() const;  // "http://127.0.0.1:7341/"

    // Serves, and reloads the scene on every save, until stop() (from any thread).
    void run();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// `attnreel preview`: serves until SIGINT or SIGTERM; prints "attnreel preview:
// http://HOST:PORT/ …" on stdout once listening. Returns the exit code: 0 after a signal,
// 2 when the address cannot be used.
int serve(const PreviewOptions& options);

}  // namespace attnreel::preview
