#include "encode/webp_sink.hpp"

#include "core/error.hpp"
#include "encode/straight_alpha.hpp"
#include "encode/temp_file.hpp"

#include <webp/encode.h>
#include <webp/mux.h>

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace attnreel {

namespace {

void validate(const std::filesystem::path& path, int width, int height, const WebpOptions& options) {
    const SourceMark where{path.string()};
    if (width <= 0 || height <= 0 || width > WEBP_MAX_DIMENSION || height > WEBP_MAX_DIMENSION)
        throw InputError(where, "WebP frames must be 1 to " + std::to_string(WEBP_MAX_DIMENSION) + " pixels a side, got " +
                                    std::to_string(width) + "x" + std::to_string(height));
    if (!(options.fps > 0) || options.fps > 1000)
        throw InputError(where, "fps must be between 0 and 1000, got " + std::to_string(options.fps));
    if (options.quality < 0 || options.quality > 100)
        throw InputError(where, "WebP quality must be between 0 and 100, got " + std::to_string(options.quality));
    if (options.loop < 0 || options.loop > 65535)
        throw InputError(where, "loop count must be between 0 (forever) and 65535, got " + std::to_string(options.loop));
}

}  // namespace

struct WebpSink::Encoder {
    std::filesystem::path path;
    TempFile temp;  // created first, so a bad path fails before any work
    WebpOptions options;
    int width;
    int height;
    WebPAnimEncoder* encoder = nullptr;
    WebPConfig config;
    WebPPicture picture;
    std::vector<std::uint32_t> straight;
    int frames = 0;

    Encoder(const std::filesystem::path& out, int w, int h, const WebpOptions& o)
        : path(out), temp(out), options(o), width(w), height(h) {
        WebPAnimEncoderOptions anim;
        if (!WebPAnimEncoderOptionsInit(&anim)) throw std::runtime_error("libwebp: version mismatch");
        anim.anim_params.loop_count = o.loop;
        anim.anim_params.bgcolor = 0x00000000;  // transparent black behind the first frame
        encoder = WebPAnimEncoderNew(w, h, &anim);
        if (!encoder) throw std::bad_alloc();
        if (!WebPConfigInit(&config)) throw std::runtime_error("libwebp: version mismatch");
        config.lossless = o.lossless ? 1 : 0;
        config.quality = static_cast<float>(o.quality);
        config.method = 4;
        // Keep the colours under fully transparent pixels out of the file: smaller, and
        // nothing shows there anyway.
        config.exact = 0;
        if (!WebPValidateConfig(&config)) throw std::logic_error("WebpSink: invalid libwebp configuration");
        if (!WebPPictureInit(&picture)) throw std::runtime_error("libwebp: version mismatch");
        picture.use_argb = 1;
        picture.width = w;
        picture.height = h;
        if (!WebPPictureAlloc(&picture)) throw std::bad_alloc();
    }

    ~Encoder() {
        WebPPictureFree(&picture);
        WebPAnimEncoderDelete(encoder);
    }

    // Frame i starts at this many milliseconds (WebP durations are whole milliseconds).
    int timestamp_ms(int i) const { return static_cast<int>(std::lround(i * 1000.0 / options.fps)); }

    void fail(const std::string& doing) const {
        const char* reason = WebPAnimEncoderGetError(encoder);
        throw std::runtime_error(path.string() + ": " + doing + ": " + (reason && *reason ? reason : "libwebp error"));
    }
};

WebpSink::WebpSink(const std::filesystem::path& path, int width, int height, const WebpOptions& options) {
    validate(path, width, height, options);
    encoder_ = std::make_unique<Encoder>(path, width, height, options);
}

WebpSink::~WebpSink() = default;

void WebpSink::write(const Frame& frame) {
    Encoder& e = *encoder_;
    if (frame.width != e.width || frame.height != e.height)
        throw std::logic_error("WebpSink: frame size differs from the size the sink was opened with");
    // libwebp's argb plane is native-endian 0xAARRGGBB words with straight alpha.
    unpremultiply(frame, e.straight);
    for (int y = 0; y < e.height; ++y)
        std::memcpy(e.picture.argb + static_cast<std::ptrdiff_t>(y) * e.picture.argb_stride,
                    e.straight.data() + static_cast<std::ptrdiff_t>(y) * e.width, static_cast<std::size_t>(e.width) * 4);
    if (!WebPAnimEncoderAdd(e.encoder, &e.picture, e.timestamp_ms(e.frames), &e.config)) e.fail("encoding a frame");
    ++e.frames;
}

void WebpSink::finish() {
    Encoder& e = *encoder_;
    if (e.frames == 0) throw std::runtime_error(e.path.string() + ": a WebP needs at least one frame");
    // The end time gives the last frame its duration.
    if (!WebPAnimEncoderAdd(e.encoder, nullptr, e.timestamp_ms(e.frames), nullptr)) e.fail("ending the animation");
    WebPData data;
    WebPDataInit(&data);
    if (!WebPAnimEncoderAssemble(e.encoder, &data)) e.fail("assembling the file");
    try {
        e.temp.write(std::string_view(reinterpret_cast<const char*>(data.bytes), data.size));
    } catch (...) {
        WebPDataClear(&data);
        throw;
    }
    WebPDataClear(&data);
    e.temp.commit();
}

}  // namespace attnreel
