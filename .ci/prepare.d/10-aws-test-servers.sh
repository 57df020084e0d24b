#!/usr/bin/env bash
# The Lambda.Toolkit.Aws tests run the real AWSSDK clients against real local servers from npm, started by
# the tests: local-aws-sqs for SQS, dynalite for DynamoDB.
set -euo pipefail
cd "$(dirname "$0")/../../tests/Lambda.Toolkit.Aws.Tests"
for server in sqs-server dynamodb-server; do
  (cd "$server" && npm ci --no-audit --no-fund)
done
