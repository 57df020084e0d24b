#!/usr/bin/env bash
# The SQS dead-letter tests run the real AWSSDK.SQS client against local-aws-sqs (npm), started by the tests.
set -euo pipefail
cd "$(dirname "$0")/../../tests/Lambda.Toolkit.Aws.Tests/sqs-server"
npm ci --no-audit --no-fund
