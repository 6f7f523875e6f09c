#pragma once
// Kept for the attention tests' includes; the helper is shared by every module's tests.
#include "../temp_dir.hpp"
