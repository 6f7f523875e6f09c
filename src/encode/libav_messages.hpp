#pragma once
// libav prints its own messages to stderr (x264 statistics, muxer notes) at its "info"
// level. A command line wants only libav's errors unless asked to be verbose. This is
// process-wide libav state: set it once at start-up.
namespace attnreel {

void show_libav_messages(bool verbose);

}  // namespace attnreel
