#include "encode/webp_sink.hpp"

#include "core/error.hpp"
#include "encode/palette_quantizer.hpp"
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
    std::unique_ptr<PaletteQuantizer> quantizer;  // palette mode: frames wait here until finish()

    Encoder(const std::filesystem::path& out, int w, int h, const WebpOptions& o)
        : path(out), temp(out), options(o), width(w), height(h) {
        WebPAnimEncoderOptions anim;
        if (!WebPAnimEncoderOptionsInit(&anim)) throw std::runtime_error("libwebp: version mismatch");
        anim.anim_params.loop_count = o.loop;
        anim.anim_params.bgcolor = 0x00000000;  // transparent black behind the first frame
        encoder = WebPAnimEncoderNew(w, h, &anim);
        if (!encoder) throw std::bad_alloc();
        if (!WebPConfigInit(&config)) throw std::runtime_error("libwebp: version mismatch");
        config.lossless = o.lossless || o.palette ? 1 : 0;
        config.quality = static_cast<float>(o.palette ? 75 : o.quality);
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
        if (o.palette) {
            PaletteOptions p;
            p.input_fps = o.fps;
            p.cancel = o.cancel;
            quantizer = std::make_unique<PaletteQuantizer>(out, w, h, p);
        }
    }

    void add(int timestamp) {
        if (!WebPAnimEncoderAdd(encoder, &picture, timestamp, &config)) fail("encoding a frame");
    }

    // A frame mapped to the palette, written out as opaque ARGB words.
    void add_mapped(const AVFrame& mapped, AVRational time_base) {
        const auto* palette = reinterpret_cast<const std::uint32_t*>(mapped.data[1]);
        for (int y = 0; y < height; ++y) {
            const std::uint8_t* index = mapped.data[0] + static_cast<std::ptrdiff_t>(y) * mapped.linesize[0];
            std::uint32_t* out = picture.argb + static_cast<std::ptrdiff_t>(y) * picture.argb_stride;
            for (int x = 0; x < width; ++x) out[x] = palette[index[x]] | 0xff000000u;
        }
        add(milliseconds(mapped.pts, time_base));
    }

    static int milliseconds(std::int64_t pts, AVRational time_base) {
        return static_cast<int>(av_rescale_q(pts, time_base, AVRational{1, 1000}));
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
    if (e.quantizer) {
        e.quantizer->push(frame);
        ++e.frames;
        return;
    }
    // libwebp's argb plane is native-endian 0xAARRGGBB words with straight alpha.
    unpremultiply(frame, e.straight);
    for (int y = 0; y < e.height; ++y)
        std::memcpy(e.picture.argb + static_cast<std::ptrdiff_t>(y) * e.picture.argb_stride,
                    e.straight.data() + static_cast<std::ptrdiff_t>(y) * e.width, static_cast<std::size_t>(e.width) * 4);
    e.add(e.timestamp_ms(e.frames));
    ++e.frames;
}

void WebpSink::finish() {
    Encoder& e = *encoder_;
    if (e.frames == 0) throw std::runtime_error(e.path.string() + ": a WebP needs at least one frame");
    int end = e.timestamp_ms(e.frames);
    if (e.quantizer) {
        const AVRational time_base = e.quantizer->output_time_base();
        end = Encoder::milliseconds(e.quantizer->finish([&](AVFrame& mapped) { e.add_mapped(mapped, time_base); }),
                                    time_base);
    }
    // The end time gives the last frame its duration.
    if (!WebPAnimEncoderAdd(e.encoder, nullptr, end, nullptr)) e.fail("ending the animation");
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
