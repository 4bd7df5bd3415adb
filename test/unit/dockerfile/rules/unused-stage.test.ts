import rule from '../../../../src/core/dockerfile/rules/unused-stage';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=0 /app /app',
    { name: 'named stages may be --target', code: 'FROM golang:1.23 AS test\nRUN go test\nFROM alpine:3.20' },
    { name: 'used as a base', code: 'FROM alpine:3.20 AS base\nFROM base' },
    { name: 'used by a mount', code: 'FROM golang:1.23\nFROM alpine:3.20\nRUN --mount=from=0,target=/src ls /src' },
  ],
  invalid: [{ code: 'FROM golang:1.23\nRUN go build -o /app\nFROM alpine:3.20\nCOPY app /app', errors: [[1, 6, 1, 17]] }],
});
