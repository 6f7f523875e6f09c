#include "preview/preview_server.hpp"

#include "preview/frame_cache.hpp"
#include "preview/frame_png.hpp"
#include "preview/preview_page.hpp"
#include "preview/scene_session.hpp"

#include <httplib.h>
#include <signal.h>
#include <spawn.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <thread>

extern char** environ;

namespace attnreel::preview {

namespace {

constexpr std::size_t kCacheBytes = 512u << 20;
constexpr auto kLongPoll = std::chrono::seconds(25);

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

// With the server on the loopback address, only pages of the loopback address may talk to
// it: a Host header naming any other host is a web page elsewhere that had its name
// resolve here (DNS rebinding), and gets nothing.
bool host_allowed(const httplib::Request& request) {
    std::string host = request.get_header_value("Host");
    if (host.empty()) return true;  // HTTP/1.0 clients send none
    if (host.front() == '[') host = host.substr(1, host.find(']') - 1);
    else host = host.substr(0, host.find(':'));
    return is_loopback(host);
}

std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string url_of(const std::string& host, int port) {
    const bool ipv6 = host.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

void open_in_browser(const std::string& url) {
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
        std::fprintf(stderr, "could not start a browser (xdg-open); open %s yourself\n", url.c_str());
}

}  // namespace

struct PreviewServer::Impl {
    explicit Impl(const PreviewOptions& o) : options(o), session(o.scene_path) {
        server.new_task_queue = [] { return new httplib::ThreadPool(8); };
        const bool loopback_only = is_loopback(o.host);
        server.set_pre_routing_handler([loopback_only](const httplib::Request& request, httplib::Response& response) {
            if (!loopback_only || host_allowed(request)) return httplib::Server::HandlerResponse::Unhandled;
            response.status = 403;
            response.set_content("this preview answers pages of the loopback address only\n", "text/plain");
            return httplib::Server::HandlerResponse::Handled;
        });
        server.Get("/", [](const httplib::Request&, httplib::Response& response) {
            response.set_header("Cache-Control", "no-store");
            response.set_content(preview_page(), "text/html; charset=utf-8");
        });
        server.Get("/api/state", [this](const httplib::Request& request, httplib::Response& response) {
            serve_state(request, response);
        });
        server.Get("/frame", [this](const httplib::Request& request, httplib::Response& response) {
            serve_frame(request, response);
        });
    }

    void serve_state(const httplib::Request& request, httplib::Response& response) {
        std::shared_ptr<const SessionState> state = session.state();
        if (request.has_param("since")) {
            std::uint64_t seen = 0;
            try {
                seen = std::stoull(request.get_param_value("since"));
            } catch (const std::exception&) {
                response.status = 400;
                response.set_content("expected /api/state?since=GENERATION\n", "text/plain");
                return;
            }
            state = session.wait_for_change(seen, kLongPoll);
        }
        response.set_header("Cache-Control", "no-store");
        response.set_content(state_json(*state, options.size), "application/json");
    }

    void serve_frame(const httplib::Request& request, httplib::Response& response) {
        const std::shared_ptr<const SessionState> state = session.state();
        if (!state->scene) {
            response.status = 503;
            response.set_content(state->failure ? state->failure->message : "no scene", "text/plain; charset=utf-8");
            return;
        }
        const Scene& scene = *state->scene;
        double t = 0;
        try {
            std::size_t used = 0;
            const std::string text = request.get_param_value("t");
            t = std::stod(text, &used);
            if (used != text.size() || !std::isfinite(t)) throw std::invalid_argument(text);
        } catch (const std::exception&) {
            response.status = 400;
            response.set_content("expected /frame?t=SECONDS\n", "text/plain");
            return;
        }
        t = std::clamp(t, 0.0, scene.duration);
        const FrameSize size = preview_size(scene, options.size);
        const FrameKey key{state->scene_serial, std::llround(t * 1e6), size.width, size.height};
        std::shared_ptr<const std::string> png = cache.find(key);
        if (!png) {
            png = std::make_shared<const std::string>(render_png(scene, t, size.width, size.height));
            cache.insert(key, png);
        }
        response.set_header("Cache-Control", "no-store");
        response.set_header("X-Attnreel-Serial", std::to_string(state->scene_serial));
        response.set_header("X-Attnreel-Time", std::to_string(t));
        // The caption of that time, percent-encoded (a header is ASCII); the page decodes it.
        if (const captions::Cue* cue = captions::caption_at(state->cues, t))
            response.set_header("X-Attnreel-Caption", percent_encoded(cue->text()));
        response.set_content(*png, "image/png");
    }

    PreviewOptions options;
    SceneSession session;
    FrameCache cache{kCacheBytes};
    httplib::Server server;
    int port = 0;
};

PreviewServer::PreviewServer(const PreviewOptions& options) : impl_(std::make_unique<Impl>(options)) {}

PreviewServer::~PreviewServer() { stop(); }

bool PreviewServer::bind() {
    const PreviewOptions& o = impl_->options;
    if (o.port == 0) {
        impl_->port = impl_->server.bind_to_any_port(o.host);
        return impl_->port > 0;
    }
    // The default port may be taken by another preview: try the next few.
    const int tries = o.port_given ? 1 : 10;
    for (int k = 0; k < tries; ++k)
        if (impl_->server.bind_to_port(o.host, o.port + k)) {
            impl_->port = o.port + k;
            return true;
        }
    return false;
}

int PreviewServer::port() const { return impl_->port; }

std::string PreviewServer::url() const { return url_of(impl_->options.host, impl_->port); }

void PreviewServer::run() {
    impl_->session.start_watching();
    impl_->server.listen_after_bind();
    impl_->session.stop();
}

void PreviewServer::stop() {
    impl_->session.stop();  // wakes the long polls first, so that the server's threads can finish
    impl_->server.stop();
}

int serve(const PreviewOptions& options) {
    // Signals go to one thread that stops the server; every other thread (the server's
    // workers, the file watcher) starts with them blocked.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a page closed mid-answer is no reason to stop
    PreviewServer server(options);
    if (!server.bind()) {
        std::fprintf(stderr, "error: cannot listen on %s port %d (in use, or not an address of this machine); "
                             "choose another with --port N (0: any free port)\n",
                     options.host.c_str(), options.port);
        return 2;
    }
    std::printf("attnreel preview: %s (Ctrl-C to stop)\n", server.url().c_str());
    if (!is_loopback(options.host))
        std::printf("note: listening on %s, so other machines can see this scene's frames\n", options.host.c_str());
    std::fflush(stdout);
    if (options.open_browser) open_in_browser(server.url());
    std::atomic<bool> signalled{false};
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        signalled = true;
        server.stop();
    });
    server.run();
    if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);  // the server ended on its own: end the waiter
    stopper.join();
    return 0;
}

}  // namespace attnreel::preview
