#!/usr/bin/env bash
# One command from a fresh clone: install what is missing, build, run every test (CTest).
# The slow suites (labels fuzz, browser, cluster) have their own labels; .ci/run runs them
# after this with scripts/test-slow.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 600 -LE '^(fuzz|browser|cluster)$'
