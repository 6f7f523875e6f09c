#pragma once
// Shared by the end-to-end tests: run the real `attnreel` executable, in the foreground
// (output captured) or in the background (to signal it), and watch the files it leaves.
#include "../encode/encode_test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace attnreel::test {

// `text` as one word for the shell, whatever it holds.
inline std::string shell_word(const std::string& text) {
    std::string word = "'";
    for (char c : text) word += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return word + "'";
}

inline std::string quoted(const fs::path& path) { return shell_word(path.string()); }

struct Run {
    int exit_code;
    std::string output;  // stdout and stderr together
};

// Runs `command` through the shell, stderr with stdout.
inline Run run_shell(const std::string& command) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Runs `attnreel ARGUMENTS` through the shell, in `working_dir` when one is given.
inline Run run(const std::string& arguments, const fs::path& working_dir = {}) {
    std::string command = std::string(ATTNREEL_BINARY) + " " + arguments;
    if (!working_dir.empty()) command = "cd " + quoted(working_dir) + " && " + command;
    return run_shell(command);
}

// `attnreel ARGUMENTS` started in the background with its output going to `log`.
// The four signals start with their default action, whatever the test runner ignores (a
// shell's background job ignores SIGINT and SIGQUIT), except those in `ignored`, which the
// command starts ignoring, as under nohup.
inline pid_t start(const std::vector<std::string>& arguments, const fs::path& log,
                   const std::vector<int>& ignored = {}) {
    std::vector<std::string> words = {ATTNREEL_BINARY};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        if (std::find(ignored.begin(), ignored.end(), signal) == ignored.end()) sigaddset(&defaults, signal);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
    // A signal ignored here is ignored in the child (unless set to its default above).
    std::vector<struct sigaction> before(ignored.size());
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    for (std::size_t k = 0; k < ignored.size(); ++k) sigaction(ignored[k], &ignore, &before[k]);
    pid_t pid = -1;
    const int failed = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    for (std::size_t k = 0; k < ignored.size(); ++k) sigaction(ignored[k], &before[k], nullptr);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(failed == 0);
    return pid;
}

// Waits for `pid` to end (killing it after `limit`) and returns its wait status.
inline int wait_for(pid_t pid, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            FAIL("the command did not stop within " << limit.count() << " s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return status;
}

// The exit code of a wait status; minus the signal number when a signal ended the process.
inline int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status); }

// Polls until `dir` holds something besides `keep` (the command's temporary output).
inline bool wait_for_temporary_file(const ScratchDir& dir, const std::string& keep, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (dir.names() != std::vector<std::string>{keep}) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

}  // namespace attnreel::test
