import rule from '../../../../src/core/dockerfile/rules/redundant-target-platform';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM alpine:3.20', 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20'],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.20', errors: [[1, 6, 1, 32]], output: 'FROM alpine:3.20' },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS run', errors: [[1, 6, 1, 34]], output: 'FROM alpine:3.20 AS run' },
  ],
});
