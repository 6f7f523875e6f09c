// FFmpeg's libraries and their ~150 dependencies are loaded on first use, not at start: linking
// them costs every process about 0.1 s before main(), which is the whole budget of a `check`
// or a `frame` preview, neither of which needs them. Each libav function attnreel calls is
// defined here with the header's own signature and forwards to the real one, found with
// dlopen/dlsym the first time it is called (functions.inc lists them).
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/mathematics.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/rational.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace {

#define ATTNREEL_STRINGIFY2(x) #x
#define ATTNREEL_STRINGIFY(x) ATTNREEL_STRINGIFY2(x)

// The sonames of the versions the headers describe, so that the ABI matches them.
const char* soname_avcodec = "libavcodec.so." ATTNREEL_STRINGIFY(LIBAVCODEC_VERSION_MAJOR);
const char* soname_avformat = "libavformat.so." ATTNREEL_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR);
const char* soname_avutil = "libavutil.so." ATTNREEL_STRINGIFY(LIBAVUTIL_VERSION_MAJOR);
const char* soname_avfilter = "libavfilter.so." ATTNREEL_STRINGIFY(LIBAVFILTER_VERSION_MAJOR);
const char* soname_swscale = "libswscale.so." ATTNREEL_STRINGIFY(LIBSWSCALE_VERSION_MAJOR);
const char* soname_swresample = "libswresample.so." ATTNREEL_STRINGIFY(LIBSWRESAMPLE_VERSION_MAJOR);

// A library is opened once (dlopen of an open library returns the same handle).
void* library(const char* soname) {
    void* handle = dlopen(soname, RTLD_NOW | RTLD_GLOBAL);
    if (!handle) throw std::runtime_error(std::string("cannot load ") + soname + ": " + dlerror());
    return handle;
}

void* function(const char* soname, const char* name) {
    void* address = dlsym(library(soname), name);
    if (!address) throw std::runtime_error(std::string("cannot find ") + name + " in " + soname);
    return address;
}

}  // namespace

// The address is looked up once per function; static initialisation is thread-safe.
#define ATTNREEL_LIBAV(lib, result, name, parameters, arguments)                              \
    extern "C" result name parameters {                                                      \
        static const auto real = reinterpret_cast<result(*) parameters>(function(soname_##lib, #name)); \
        return real arguments;                                                                \
    }
#include "libav/functions.inc"
#undef ATTNREEL_LIBAV
