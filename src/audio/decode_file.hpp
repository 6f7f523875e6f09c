#pragma once
// Audio files (WAV, FLAC, MP3, Ogg Vorbis/Opus, and whatever else libavformat reads) decoded
// with libavcodec and converted by libswresample to a Sound (48 kHz stereo float).
#include "audio/sound.hpp"
#include "core/error.hpp"

#include <filesystem>

namespace attnreel::audio {

// The whole first audio stream of `path`. InputError at `mark` (the scene's place naming
// the file) when the file is missing, not a regular file, holds no audio stream, cannot be
// decoded, or has a sample rate or channel layout that cannot be converted to 48 kHz stereo.
Sound decode_audio_file(const std::filesystem::path& path, const SourceMark& mark);

}  // namespace attnreel::audio
