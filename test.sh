#!/usr/bin/env bash
# Builds everything in Release (warnings are errors), runs every test project and ends with the totals on one
# line, `N passed, N failed[, N skipped]`. Arguments go to `dotnet test` (for example --filter ...).
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
{ dotnet build Lambda.Toolkit.sln -c Release && dotnet test Lambda.Toolkit.sln -c Release --no-build "$@"; } 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# --- totals: the sum of every test run's summary line -------------------------------------------------
read -r passed failed skipped < <(
  grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
    awk -F'[:,] +' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # a build or run failure with no failed test: still a failure
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
