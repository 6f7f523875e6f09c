#pragma once
// FilterGraph: a libavfilter graph with named frame sources and sinks around a filter
// description such as "[in]scale=320:-1,split[a][b];[a]palettegen[pal]".
#include "encode/libav_util.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace attnreel {

struct FilterSource {
    std::string name;  // its label in the description
    int width = 0;
    int height = 0;
    AVPixelFormat pixel_format = AV_PIX_FMT_NONE;
    AVRational time_base{1, 30};
};

class FilterGraph {
public:
    // Builds and configures the graph; every label in `sources` and `sink_names` must
    // appear in `description`. Errors name `file`, the output the graph works for.
    FilterGraph(const std::filesystem::path& file, const std::vector<FilterSource>& sources,
                const std::vector<std::string>& sink_names, const std::string& description);

    // Queues a frame on a source (the frame is copied or referenced, never taken).
    void push(const std::string& source, const AVFrame& frame);
    // Signals that a source will get no more frames and that its stream ends at `end_pts`
    // (in the source's time base): the end of the last frame, which filters such as fps
    // need to know how long that frame lasts.
    void close(const std::string& source, std::int64_t end_pts);
    // The next frame from a sink into `out`: true, or false when none is ready yet or the
    // sink reached its end.
    bool pull(const std::string& sink, AVFrame& out);
    AVRational sink_time_base(const std::string& sink) const;

private:
    AVFilterContext* find(const std::map<std::string, AVFilterContext*>& in, const std::string& name) const;

    std::filesystem::path file_;
    libav::GraphPtr graph_;
    std::map<std::string, AVFilterContext*> sources_;
    std::map<std::string, AVFilterContext*> sinks_;
};

}  // namespace attnreel
