#include "cli/commands.hpp"

#include "cli/args.hpp"
#include "cli/interrupt.hpp"
#include "core/error.hpp"
#include "text/utf8.hpp"
#include "encode/libav_messages.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>

namespace attnreel::cli {

namespace {

struct Command {
    std::string summary;
    std::function<int(const std::vector<std::string>&)> run;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"frame", {"render one frame to PNG, SVG or PDF", frame_command}},
        {"check", {"validate a scene, print its timeline and warn about likely mistakes", check_command}},
        {"render", {"render a scene to MP4, GIF or PNG frames", render_command}},
        {"model", {"print the scene's attention model as JSON", model_command}},
        {"analyze", {"analyse attention heads of a scene or a weights file", analyze_command}},
        {"preview", {"a live preview in the browser, refreshed on every save", preview_command}},
        {"join", {"join MP4 chunks of one render (render --frames) without re-encoding", join_command}},
        {"farm", {"render scenes in chunks on a Slurm cluster and join them", farm_command}},
    };
    return table;
}

void print_help() {
    std::printf("attnreel: explainer videos about transformer attention, from YAML scene files\n\n"
                "usage: attnreel COMMAND [ARGS...]\n\ncommands:\n");
    for (const auto& [name, c] : commands()) std::printf("  %-8s %s\n", name.c_str(), c.summary.c_str());
    std::printf("\n'attnreel COMMAND --help' describes a command; 'attnreel --version' prints the version.\n");
}

// A message past a few lines quotes a value too long to read whole (most messages cut their
// values already, text::quoted): its middle gives way to an ellipsis, keeping the place at
// its start and the advice at its end.
std::string readable_length(std::string text) {
    constexpr std::size_t kMost = 2000, kHead = 1500, kTail = 300;
    if (text.size() <= kMost) return text;
    const auto boundary = [&](std::size_t at) {  // back to the start of a UTF-8 character
        while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        return at;
    };
    const std::size_t head = boundary(kHead), tail = boundary(text.size() - kTail);
    return text.substr(0, head) + " … " + text.substr(tail);
}

// Prints the message on stderr with its prefix, made printable: a message may quote the
// input, and the input may hold any bytes.
int report(const std::string& prefix, const std::string& message, int exit_code) {
    const std::string text = readable_length((prefix.empty() ? "" : prefix + ": ") + text::printable(message));
    std::fprintf(stderr, "%s\n", text.c_str());
    return exit_code;
}

}  // namespace

int report_error() {
    try {
        throw;
    } catch (const InputError& e) {
        // Not e.what(): a C string, it would end at a NUL byte the message quotes.
        return report("error", e.mark().to_string() + ": " + e.message(), 2);
    } catch (const UsageError& e) {
        return report("error", e.what(), 2);
    } catch (const OutputError& e) {
        return report("error", e.what(), 2);
    } catch (const std::filesystem::filesystem_error& e) {
        // A folder that cannot be made or read: the system's reason, for the user to fix.
        return report("error", e.path1().string() + ": " + e.code().message(), 2);
    } catch (const Interrupted& e) {
        return report("", e.what(), e.exit_code());
    } catch (const std::bad_alloc&) {
        return report("error", "out of memory", 1);
    } catch (const std::exception& e) {
        return report("internal error", e.what(), 1);
    }
}

int run(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) a write then fails with "File too large", which is
    // reported, instead of the signal killing the process and leaving its temporary file.
    std::signal(SIGXFSZ, SIG_IGN);
    const std::vector<std::string> words(argv + 1, argv + argc);
    show_libav_messages(false);  // decoding a scene's sound files must not chatter; render --verbose lifts it
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        print_help();
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "--version" || words[0] == "-V" || words[0] == "version") {
        std::printf("attnreel %s\n", ATTNREEL_VERSION);
        return 0;
    }
    const auto it = commands().find(words[0]);
    try {
        if (it == commands().end()) {
            std::vector<std::string> names;
            for (const auto& [name, c] : commands()) names.push_back(name);
            throw UsageError("unknown command '" + words[0] + "'" + did_you_mean(words[0], names) +
                             " (see 'attnreel --help')");
        }
        return it->second.run({words.begin() + 1, words.end()});
    } catch (...) {
        return report_error();
    }
}

}  // namespace attnreel::cli
