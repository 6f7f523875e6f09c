#pragma once
// Checks a scene file's text before yaml-cpp builds its node tree and the loader walks it:
// the text is UTF-8 without NUL bytes, holds one YAML document, nests lists and maps at
// most limits::yaml_depth deep, and, with every alias expanded where it is used, has at
// most limits::yaml_nodes nodes and limits::yaml_text_bytes bytes of scalars, none of which
// is an alias inside the node it names. The
// loader's work is then linear in a bounded number of nodes, however the file uses aliases.
#include <string>

namespace attnreel {

// InputError at the file:line:col of the first byte, node or alias past a limit.
void check_yaml_limits(const std::string& text, const std::string& file);

}  // namespace attnreel
