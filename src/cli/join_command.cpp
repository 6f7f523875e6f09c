#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/output_path.hpp"
#include "core/error.hpp"
#include "encode/frame_chunk.hpp"
#include "encode/libav_messages.hpp"
#include "encode/mp4_join.hpp"
#include "encode/open_sink.hpp"

#include <chrono>
#include <cstdio>

namespace attnreel::cli {

namespace {

const char* kHelp =
    "usage: attnreel join CHUNK.mp4... -o VIDEO.mp4\n"
    "       attnreel join CHUNK.frames... -o VIDEO.gif [--gif-width N] [--gif-fps N] [--loop N]\n"
    "       attnreel join CHUNK.frames... -o VIDEO.webp [--lossless] [--webp-quality Q] [--loop N]\n\n"
    "Puts the MP4 chunks of one render ('attnreel render SCENE --frames A:B') together by\n"
    "stream copy, without re-encoding, into a streamable MP4. The chunks may be given in any\n"
    "order; they must together hold every frame of the video once, from the same scene and\n"
    "settings, or join names the chunk that does not fit and writes nothing. The sound comes\n"
    "from the chunk that starts the video, which carries the whole soundtrack.\n"
    "A GIF is made from frame chunks ('render --frames A:B -o PART.frames') with one palette\n"
    "for the whole video: the GIF a render in one go writes; an animated WebP likewise.\n\n"
    "options:\n"
    "  -o, --output FILE  the joined video (.mp4, .gif or .webp); replaced only when the join succeeds\n"
    "  --gif-width N      GIF width in pixels (default: the frame width)\n"
    "  --gif-fps N        GIF frame rate (default: the render fps, at most 50)\n"
    "  --loop N           GIF or WebP: plays N times (default 0: forever)\n"
    "  --lossless         WebP: exact colours and alpha (default: the GIF's 256 colours, lossless)\n"
    "  --webp-quality Q   WebP: lossy, 0 (smallest) to 100 (best)\n"
    "  --quiet            print nothing on success\n";

}  // namespace

int join_command(const std::vector<std::string>& words) {
    const Args args =
        parse_args(words, {{"--help", "-h", false},
                           {"--output", "-o", true},
                           {"--quiet", "-q", false},
                           {"--gif-width", "", true},
                           {"--gif-fps", "", true},
                           {"--loop", "", true},
                           {"--lossless", "", false},
                           {"--webp-quality", "", true}});
    if (args.has("--help")) {
        std::printf("%s", kHelp);
        return 0;
    }
    if (args.positional.empty()) throw UsageError("join takes the chunks to join (see 'attnreel join --help')");
    const auto output = args.get("--output");
    if (!output) throw UsageError("join needs -o VIDEO.mp4, the file to write");
    const OutputKind kind = output_kind(*output);
    if (kind != OutputKind::mp4 && kind != OutputKind::gif && kind != OutputKind::webp)
        throw UsageError("join writes an MP4 (from .mp4 chunks), or a GIF or an animated WebP (from .frames "
                         "chunks): give -o a name ending in .mp4, .gif or .webp");
    GifOptions gif;
    if (const auto w = args.get("--gif-width")) gif.width = parse_int("--gif-width", *w, 16, 7680);
    if (const auto f = args.get("--gif-fps")) gif.fps = parse_int("--gif-fps", *f, 1, 50);
    if (kind != OutputKind::gif && (args.has("--gif-width") || args.has("--gif-fps")))
        throw UsageError("--gif-width and --gif-fps apply to a GIF output only");
    if (kind != OutputKind::webp && (args.has("--lossless") || args.has("--webp-quality")))
        throw UsageError("--lossless and --webp-quality apply to a WebP output only");
    if (kind == OutputKind::mp4 && args.has("--loop")) throw UsageError("--loop applies to a GIF or WebP output only");
    WebpOptions webp;
    if (const auto l = args.get("--loop")) gif.loop = webp.loop = parse_int("--loop", *l, 0, 65535);
    webp.lossless = args.has("--lossless");
    if (const auto q = args.get("--webp-quality")) webp.quality = parse_int("--webp-quality", *q, 0, 100);
    webp.palette = !args.has("--lossless") && !args.has("--webp-quality");  // as render's default
    refuse_to_overwrite(*output, args.positional);
    std::vector<std::filesystem::path> chunks(args.positional.begin(), args.positional.end());
    show_libav_messages(false);
    const auto start = std::chrono::steady_clock::now();
    create_parent_folders(*output);
    if (kind == OutputKind::mp4) join_mp4(chunks, *output);
    else if (kind == OutputKind::gif) join_gif(chunks, *output, gif);
    else join_webp(chunks, *output, webp);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!args.has("--quiet")) {
        std::fprintf(stderr, "joined %zu chunks in %.2f s\n", chunks.size(), seconds);
        std::printf("%s\n", output->c_str());
    }
    return 0;
}

}  // namespace attnreel::cli
