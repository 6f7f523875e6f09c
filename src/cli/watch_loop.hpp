#pragma once
// `--watch`: run a command, then again each time a file it read is saved, until Ctrl-C.
// An error is printed and the watch goes on, so a half-finished edit does not end it.
#include <functional>
#include <string>
#include <vector>

namespace attnreel::cli {

// `once` runs the command and fills `inputs` with the files it read (as far as it got);
// run_watching returns only when watching itself fails.
int run_watching(const std::function<int(std::vector<std::string>& inputs)>& once);

}  // namespace attnreel::cli
