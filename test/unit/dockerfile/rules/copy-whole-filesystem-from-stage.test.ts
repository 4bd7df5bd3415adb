import rule from '../../../../src/core/dockerfile/rules/copy-whole-filesystem-from-stage';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app',
    {
      name: 'a scratch stage that only assembles files',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch AS bin\nCOPY --from=build /out/app /\nFROM alpine:3.20\nCOPY --from=bin / /usr/bin/',
    },
    { name: 'alias of a tool image', code: 'FROM tonistiigi/xx:1.5 AS xx\nFROM alpine:3.20\nCOPY --from=xx / /' },
    { name: 'an image, not a stage', code: 'FROM alpine:3.20\nCOPY --from=busybox:1.36 / /' },
  ],
  invalid: [
    { code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12-slim\nCOPY --from=build / /', errors: [[4, 19, 4, 20]] },
    {
      name: 'through a base stage',
      code: 'FROM debian:12 AS base\nRUN make\nFROM base AS build\nFROM debian:12-slim\nCOPY --from=build / /app/',
      errors: [[5, 19, 5, 20]],
    },
  ],
});
