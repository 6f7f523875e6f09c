#pragma once
// Debian's headless Chromium driven through the DevTools protocol, for the browser suite.
// The protocol runs over a pipe (--remote-debugging-pipe): the browser reads JSON messages
// ended by NUL from file descriptor 3 and writes its own to descriptor 4. Each test gets a
// fresh profile, and the browser is closed (or killed) when the object goes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace attnreel::test {

// Where Debian installs Chromium; empty when it is not installed.
inline std::string chromium_path() {
    for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        if (std::filesystem::exists(path)) return path;
    return "";
}

class Chromium {
public:
    // `profile`: an empty folder for the browser's user data.
    explicit Chromium(const std::filesystem::path& profile, std::vector<std::string> extra_flags = {}) {
        const std::string binary = chromium_path();
        REQUIRE_FALSE(binary.empty());  // scripts/test-slow.sh installs it (scripts/install-deps.sh browser)
        int to_browser[2], from_browser[2];
        REQUIRE(pipe2(to_browser, O_CLOEXEC) == 0);
        REQUIRE(pipe2(from_browser, O_CLOEXEC) == 0);
        std::vector<std::string> words = {binary,
                                          "--headless",
                                          "--no-sandbox",
                                          "--disable-gpu",
                                          "--no-first-run",
                                          "--disable-background-networking",
                                          "--disable-component-update",
                                          "--disable-sync",
                                          "--user-data-dir=" + profile.string(),
                                          "--remote-debugging-pipe"};
        words.insert(words.end(), extra_flags.begin(), extra_flags.end());
        words.push_back("about:blank");
        std::vector<char*> argv;
        for (auto& w : words) argv.push_back(w.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to_browser[0], 3);
        posix_spawn_file_actions_adddup2(&actions, from_browser[1], 4);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        const int failed = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        close(to_browser[0]);
        close(from_browser[1]);
        out_ = to_browser[1];
        in_ = from_browser[0];
        REQUIRE(failed == 0);
    }

    ~Chromium() {
        try {
            send("Browser.close", nlohmann::json::object(), "");
        } catch (...) {
        }
        close(out_);
        close(in_);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill(pid_, SIGKILL);
                waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    Chromium(const Chromium&) = delete;
    Chromium& operator=(const Chromium&) = delete;

    // Sends a command and returns its result; fails the test on a protocol error or when
    // no answer comes within `limit`.
    nlohmann::json call(const std::string& method, const nlohmann::json& params = nlohmann::json::object(),
                        const std::string& session = "", std::chrono::seconds limit = std::chrono::seconds(30)) {
        const int id = send(method, params, session);
        const auto deadline = std::chrono::steady_clock::now() + limit;
        for (;;) {
            for (std::size_t end; (end = buffer_.find('\0')) != std::string::npos;) {
                const auto message = nlohmann::json::parse(buffer_.substr(0, end));
                buffer_.erase(0, end + 1);
                if (message.value("id", -1) != id) continue;  // an event, or the answer to another call
                INFO(method << ": " << message.dump());
                REQUIRE_FALSE(message.contains("error"));
                return message["result"];
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            INFO("waiting for the answer to " << method);
            REQUIRE(left.count() > 0);
            pollfd ready{in_, POLLIN, 0};
            if (poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
            char chunk[65536];
            const ssize_t n = read(in_, chunk, sizeof chunk);
            REQUIRE(n > 0);  // the browser has gone
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    // Opens `url` in a new tab and returns the session to talk to it, once the page has
    // loaded. A new tab starts as about:blank, whose readyState is already "complete", so
    // waiting for readyState alone could inspect the blank page instead of `url`.
    std::string open(const std::string& url) {
        const std::string target = call("Target.createTarget", {{"url", url}})["targetId"];
        const std::string session = call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}})["sessionId"];
        INFO("opening " << url);
        REQUIRE(wait_until(session, "location.href !== 'about:blank' && document.readyState === 'complete'"));
        return session;
    }

    // The value of a JavaScript expression in the page (a promise is awaited).
    nlohmann::json evaluate(const std::string& session, const std::string& expression) {
        const auto result = call("Runtime.evaluate",
                                 {{"expression", expression}, {"awaitPromise", true}, {"returnByValue", true}}, session);
        INFO(expression << " → " << result.dump());
        REQUIRE_FALSE(result.contains("exceptionDetails"));
        return result["result"].value("value", nlohmann::json());
    }

    // Polls the expression until it is true; false after `limit`. An expression that throws
    // (the page's elements not there yet) counts as false.
    bool wait_until(const std::string& session, const std::string& expression,
                    std::chrono::seconds limit = std::chrono::seconds(20)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            if (evaluate(session, "(() => { try { return Boolean(" + expression + "); } catch (e) { return false; } })()") ==
                true)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        return false;
    }

private:
    int send(const std::string& method, const nlohmann::json& params, const std::string& session) {
        nlohmann::json message = {{"id", ++last_id_}, {"method", method}, {"params", params}};
        if (!session.empty()) message["sessionId"] = session;
        std::string bytes = message.dump();
        bytes.push_back('\0');
        for (std::size_t at = 0; at < bytes.size();) {
            const ssize_t n = write(out_, bytes.data() + at, bytes.size() - at);
            if (n <= 0) throw std::runtime_error("the browser has gone");
            at += static_cast<std::size_t>(n);
        }
        return last_id_;
    }

    pid_t pid_ = -1;
    int out_ = -1, in_ = -1;
    int last_id_ = 0;
    std::string buffer_;
};

// The bytes of base64 text (a data: URL's payload).
inline std::string decode_base64(const std::string& text) {
    std::string out;
    int bits = 0, value = 0;
    for (char c : text) {
        int digit = -1;
        if (c >= 'A' && c <= 'Z') digit = c - 'A';
        else if (c >= 'a' && c <= 'z') digit = c - 'a' + 26;
        else if (c >= '0' && c <= '9') digit = c - '0' + 52;
        else if (c == '+') digit = 62;
        else if (c == '/') digit = 63;
        else continue;  // '=' padding
        value = (value << 6) | digit;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((value >> bits) & 0xff));
        }
    }
    return out;
}

}  // namespace attnreel::test
