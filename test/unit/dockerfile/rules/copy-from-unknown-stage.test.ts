import rule from '../../../../src/core/dockerfile/rules/copy-from-unknown-stage';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app',
    'FROM golang:1.23 AS Build\nFROM alpine:3.20\nCOPY --from=build /app /app',
    'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /app /app',
    'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/',
    'FROM alpine:3.20\nCOPY --from=ghcr.io/org/tools /bin/tool /bin/',
    'ARG SRC=build\nFROM alpine:3.20\nCOPY --from=$SRC /a /a',
  ],
  invalid: [
    { code: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=biuld /app /app', errors: [[3, 13, 3, 18]] },
    { name: 'a later stage is not available', code: 'FROM alpine:3.20\nCOPY --from=later /a /a\nFROM alpine:3.20 AS later', errors: [[2, 13, 2, 18]] },
  ],
});
