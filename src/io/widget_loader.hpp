#pragma once
// Reads the widget kinds of an object entry (token_row, attention_arrows, heatmap) and the
// keys widgets share: tokens, and the token colours every widget showing tokens takes.
#include "io/yaml_reader.hpp"

namespace attnreel {

// A token given by its text or its index in `tokens`; `what` names the key in messages.
int token_index(const YamlReader& in, const YAML::Node& node, const std::vector<std::string>& tokens,
                const std::string& what);

// A list of strings, or a reference to one of the data block's lists ($tokens, $queries,
// $keys, $models.NAME.queries, ...); `what` is the key, for messages.
std::vector<std::string> load_tokens(const YamlReader& in, const YAML::Node& node, const DataSpec& data,
                                     const std::string& what = "tokens");

// The token colours of a widget map: `palette` (a list of colours cycled over the tokens,
// or `none`) and `colors` (one colour per token, `~` keeping the palette's; or a map from
// a token's text or index to its colour). `tokens` are the widget's, for `colors`; `base`
// is what the widget uses when neither key is given.
TokenPalette load_token_palette(const YamlReader& in, const YAML::Node& map, const std::vector<std::string>& tokens,
                                TokenPalette base);

// `font_features`: a list of OpenType features in HarfBuzz's syntax ("liga", "-calt",
// "ss01=1"), or the word as_written for text::as_written_features(); in order, later wins.
text::FontFeatures load_font_features(const YamlReader& in, const YAML::Node& node);

// A widget's `font_features` for its token labels: text::as_written_features() followed by
// the map's own list, when it has one.
text::FontFeatures load_label_font_features(const YamlReader& in, const YAML::Node& map);

// `rotate`: degrees (counter-clockwise), or {angle, about_point: point or id}.
Rotate load_rotate(const YamlReader& in, const YAML::Node& node);

// A colour scale's keys in `map`: low, high, range ([min, max]), mid (the centre value of a
// diverging scale), mid_color, blend (oklab | rgb).
ColorScaleSpec load_color_scale(const YamlReader& in, const YAML::Node& map);

TokenRowSpec load_token_row(const YamlReader& in, const YAML::Node& node, const DataSpec& data);
AttentionArrowsSpec load_attention_arrows(const YamlReader& in, const YAML::Node& node);
HeatmapSpec load_heatmap(const YamlReader& in, const YAML::Node& node, const DataSpec& data);

}  // namespace attnreel
