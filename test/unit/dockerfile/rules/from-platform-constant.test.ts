import rule from '../../../../src/core/dockerfile/rules/from-platform-constant';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
    'FROM alpine:3.20',
    { name: 'stage named after its platform', code: 'FROM --platform=linux/arm64 alpine:3.20 AS build-arm64' },
  ],
  invalid: [
    { code: 'FROM --platform=linux/amd64 alpine:3.20', errors: [[1, 17, 1, 28]] },
    { code: 'FROM --platform=linux/amd64 golang:1.23 AS build', errors: [[1, 17, 1, 28]] },
  ],
});
