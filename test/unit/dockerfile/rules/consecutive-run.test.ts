import rule from '../../../../src/core/dockerfile/rules/consecutive-run';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl && adduser -D app',
    'FROM alpine:3.20\nRUN a\nCOPY x /x\nRUN b',
    { name: 'different mounts', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache a\nRUN b' },
    { name: 'exec form', code: 'FROM alpine:3.20\nRUN a\nRUN ["b"]' },
    { name: 'a RUN chaining several commands', code: 'FROM alpine:3.20\nRUN set -eux; apk add --no-cache curl; adduser -D app\nRUN mkdir /data' },
    { name: 'a RUN chaining two commands, before', code: 'FROM alpine:3.20\nRUN foo && bar\nRUN foobar' },
    { name: 'a RUN chaining two commands, after', code: 'FROM alpine:3.20\nRUN foobar\nRUN foo; bar' },
    { name: 'a chain in a block', code: 'FROM alpine:3.20\nRUN a\nRUN set -eux; { echo x; } > /etc/x.conf' },
    { name: 'builder stage', code: 'FROM golang:1.23 AS build\nRUN go vet ./...\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN adduser -D app',
      errors: [[3, 1, 3, 4]],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    adduser -D app',
    },
    {
      name: 'no fix after a cd, which would move the second RUN',
      code: 'FROM alpine:3.20\nRUN cd /src\nRUN ls',
      errors: [[3, 1, 3, 4]],
      output: 'FROM alpine:3.20\nRUN cd /src\nRUN ls',
    },
    {
      name: 'three in a row',
      code: 'FROM alpine:3.20\nRUN a\nRUN b\nRUN c',
      errors: [
        [3, 1, 3, 4],
        [4, 1, 4, 4],
      ],
    },
    { name: 'single commands after a chain', code: 'FROM alpine:3.20\nRUN foo && bar\nRUN foo\nRUN bar', errors: [[4, 1, 4, 4]] },
    {
      name: 'no fix across a comment',
      code: 'FROM alpine:3.20\nRUN a\n# why b\nRUN b',
      errors: [[4, 1, 4, 4]],
      output: 'FROM alpine:3.20\nRUN a\n# why b\nRUN b',
    },
  ],
});
