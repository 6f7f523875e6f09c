#pragma once
// The attnreel command line: `attnreel COMMAND ...`. Exit codes: 0 success; 2 bad input or
// usage, or an output that could not be written (with the system's reason); 128 + N when
// signal N stopped it (its temporary files removed); 1 internal failure.
#include <string>
#include <vector>

namespace attnreel::cli {

int run(int argc, char** argv);

// Called in a catch block: prints the exception being handled as every command reports
// errors ("error: file:line:col: …") and returns its exit code (2 bad input, 1 internal).
int report_error();

// Each command takes the words after its name and returns the exit code; errors are thrown.
int frame_command(const std::vector<std::string>& args);
int check_command(const std::vector<std::string>& args);
int render_command(const std::vector<std::string>& args);
int model_command(const std::vector<std::string>& args);
int analyze_command(const std::vector<std::string>& args);
int preview_command(const std::vector<std::string>& args);
int join_command(const std::vector<std::string>& args);
int farm_command(const std::vector<std::string>& args);

}  // namespace attnreel::cli
