import rule from '../../../../src/core/dockerfile/rules/fat-final-base';
import { ruleTester } from '../rule-tester';

const BUILDER = 'FROM golang:1.23 AS build\nRUN go build -o /app\n';

ruleTester(rule, {
  valid: [
    `${BUILDER}FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]`,
    `${BUILDER}FROM node:22-slim\nCOPY --from=build /app /app\nCMD ["/app"]`,
    `${BUILDER}FROM eclipse-temurin:21-jre\nCOPY --from=build /app /app\nCMD ["/app"]`,
    { name: 'no builder stage', code: 'FROM golang:1.23\nCMD ["/app"]' },
    { name: 'a toolchain image itself', code: `${BUILDER}FROM golang:1.23\nCOPY --from=build /app /usr/local/bin/app` },
  ],
  invalid: [
    { code: `${BUILDER}FROM golang:1.23\nCOPY --from=build /app /app\nCMD ["/app"]`, errors: [[3, 6, 3, 17]] },
    { name: 'through a base stage', code: `FROM node:22 AS base\n${BUILDER}FROM base\nCOPY --from=build /app /app\nCMD ["/app"]`, errors: [[1, 6, 1, 13]] },
    { code: `${BUILDER}FROM node:22\nCOPY --from=build /app /app\nCMD ["/app"]`, errors: [[3, 6, 3, 13]] },
    { code: `${BUILDER}FROM eclipse-temurin:21-jdk\nCOPY --from=build /app /app\nCMD ["/app"]`, errors: [[3, 6, 3, 28]] },
    { code: `${BUILDER}FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY --from=build /app /app\nCMD ["/app"]`, errors: [[3, 6, 3, 38]] },
  ],
});
