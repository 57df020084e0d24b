#!/usr/bin/env bash
# Publishes the AWS runtime-client baseline (Native AOT) into $1 (default /tmp/aws-baseline):
#   benchmarks/AwsRuntimeBaseline/run.sh [out-dir] [aws-lambda-dotnet checkout]
# Without a checkout it clones github.com/aws/aws-lambda-dotnet (the commit measured in issue 14: 831492165,
# "Release 2026-07-22") next to this script; aws-lambda-dotnet/ is git-ignored. Then:
#   dotnet run --project src/Lambda.Toolkit.Local -c Release -- bench <floor> /tmp/aws-baseline/bootstrap --event samples/OrdersApi/events/list-orders-v1.json
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-/tmp/aws-baseline}"
src="${2:-$here/aws-lambda-dotnet}"
if [ ! -d "$src/Libraries/src/Amazon.Lambda.RuntimeSupport" ]; then
  git clone --filter=blob:none --no-checkout https://github.com/aws/aws-lambda-dotnet "$src"
  git -C "$src" sparse-checkout set Libraries/src/Amazon.Lambda.Core Libraries/src/Amazon.Lambda.RuntimeSupport \
    Libraries/src/SnapshotRestore.Registry Libraries/src/Amazon.Lambda.Serialization.SystemTextJson buildtools
  git -C "$src" checkout 831492165
fi
# AWS's projects import their own build settings, not this repository's.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
  [ -f "$src/$f" ] || echo '<Project />' > "$src/$f"
done
dotnet publish "$here/AwsRuntimeBaseline.csproj" -c Release -r linux-x64 -p:AwsLambdaDotnet="$src" -o "$out"
