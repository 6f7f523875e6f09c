#include "encode/libav_messages.hpp"

extern "C" {
#include <libavutil/log.h>
}

namespace attnreel {

void show_libav_messages(bool verbose) { av_log_set_level(verbose ? AV_LOG_INFO : AV_LOG_ERROR); }

}  // namespace attnreel
