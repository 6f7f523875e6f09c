#include "encode/filter_graph.hpp"

#include <stdexcept>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/pixdesc.h>
}

namespace attnreel {

namespace {

// A chain of AVFilterInOut, freed on scope exit.
struct InOutList {
    AVFilterInOut* head = nullptr;
    ~InOutList() { avfilter_inout_free(&head); }
    void add(const std::string& name, AVFilterContext* filter) {
        AVFilterInOut* entry = avfilter_inout_alloc();
        if (!entry) throw std::bad_alloc();
        entry->next = head;
        head = entry;
        entry->name = av_strdup(name.c_str());
        if (!entry->name) throw std::bad_alloc();
        entry->filter_ctx = filter;
        entry->pad_idx = 0;
    }
};

}  // namespace

FilterGraph::FilterGraph(const std::filesystem::path& file, const std::vector<FilterSource>& sources,
                         const std::vector<std::string>& sink_names, const std::string& description)
    : file_(file),
      graph_(avfilter_graph_alloc()) {
    if (!graph_) throw std::bad_alloc();
    graph_->nb_threads = 1;  // frames are already rendered on every core; keep this predictable
    InOutList open_outputs;  // the sources' outputs, which the description's inputs attach to
    InOutList open_inputs;
    for (const FilterSource& s : sources) {
        const std::string args = "video_size=" + std::to_string(s.width) + "x" + std::to_string(s.height) +
                                 ":pix_fmt=" + av_get_pix_fmt_name(s.pixel_format) +
                                 ":time_base=" + std::to_string(s.time_base.num) + "/" +
                                 std::to_string(s.time_base.den) + ":pixel_aspect=1/1";
        AVFilterContext* source = nullptr;
        libav::check(avfilter_graph_create_filter(&source, avfilter_get_by_name("buffer"), s.name.c_str(), args.c_str(),
                                                  nullptr, graph_.get()),
                     file_, "creating filter source '" + s.name + "'");
        sources_[s.name] = source;
        open_outputs.add(s.name, source);
    }
    for (const std::string& name : sink_names) {
        AVFilterContext* sink = nullptr;
        libav::check(avfilter_graph_create_filter(&sink, avfilter_get_by_name("buffersink"), name.c_str(), nullptr,
                                                  nullptr, graph_.get()),
                     file_, "creating filter sink '" + name + "'");
        sinks_[name] = sink;
        open_inputs.add(name, sink);
    }
    libav::check(
        avfilter_graph_parse_ptr(graph_.get(), description.c_str(), &open_inputs.head, &open_outputs.head, nullptr),
        file_, "parsing filter graph '" + description + "'");
    libav::check(avfilter_graph_config(graph_.get(), nullptr), file_, "configuring filter graph '" + description + "'");
}

AVFilterContext* FilterGraph::find(const std::map<std::string, AVFilterContext*>& in, const std::string& name) const {
    const auto found = in.find(name);
    if (found == in.end()) throw std::logic_error("FilterGraph has no endpoint '" + name + "'");
    return found->second;
}

void FilterGraph::push(const std::string& source, const AVFrame& frame) {
    // KEEP_REF: buffersrc references (or, for a non-refcounted frame, copies) the data.
    libav::check(
        av_buffersrc_add_frame_flags(find(sources_, source), const_cast<AVFrame*>(&frame), AV_BUFFERSRC_FLAG_KEEP_REF),
        file_, "feeding the filter graph");
}

void FilterGraph::close(const std::string& source, std::int64_t end_pts) {
    libav::check(av_buffersrc_close(find(sources_, source), end_pts, 0), file_, "ending a filter graph input");
}

bool FilterGraph::pull(const std::string& sink, AVFrame& out) {
    av_frame_unref(&out);
    const int got = av_buffersink_get_frame(find(sinks_, sink), &out);
    if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return false;
    libav::check(got, file_, "filtering a frame");
    return true;
}

AVRational FilterGraph::sink_time_base(const std::string& sink) const {
    return av_buffersink_get_time_base(find(sinks_, sink));
}

}  // namespace attnreel
