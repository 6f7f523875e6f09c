#pragma once
// The preview's web page (HTML, CSS and script in one document), served from memory.
#include <string>

namespace attnreel::preview {

const std::string& preview_page();

}  // namespace attnreel::preview
