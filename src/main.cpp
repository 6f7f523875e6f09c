#include "cli/commands.hpp"

int main(int argc, char** argv) { return attnreel::cli::run(argc, argv); }
