#!/bin/sh
# The long fuzz run of the query engine: QUERY_FUZZ_INPUTS seeded inputs (default 1 000 000,
# split over two seeds) through parse, check and evaluation on a tiny snapshot, in release.
# The normal test suite runs the same test with 20 000 inputs.
set -eu
cd "$(dirname "$0")/.."
export QUERY_FUZZ_INPUTS="${QUERY_FUZZ_INPUTS:-1000000}"
exec swift test -c release --filter EvaluationFuzzTests
