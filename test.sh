#!/usr/bin/env bash
# Builds everything in Release (warnings are errors) and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Lambda.Toolkit.sln -c Release
dotnet test Lambda.Toolkit.sln -c Release --no-build "$@"
