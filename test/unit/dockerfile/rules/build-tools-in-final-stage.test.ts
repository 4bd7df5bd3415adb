import rule from '../../../../src/core/dockerfile/rules/build-tools-in-final-stage';
import { ruleTester } from '../rule-tester';

const CMD = '\nCMD ["/app"]';

ruleTester(rule, {
  valid: [
    {
      name: 'builder stage may install compilers',
      code: `FROM debian:12 AS build\nRUN apt-get install -y gcc make\nFROM debian:12-slim\nCOPY --from=build /app /app${CMD}`,
    },
    { name: 'purged in the same RUN', code: `FROM debian:12\nRUN apt-get install -y gcc libssl-dev && make && apt-get purge -y gcc libssl-dev${CMD}` },
    {
      name: 'apt-mark auto + purge --auto-remove',
      code: `FROM debian:12\nRUN saved="$(apt-mark showmanual)" && apt-get install -y gcc && make && apt-mark auto '.*' && apt-mark manual $saved && apt-get purge -y --auto-remove${CMD}`,
    },
    {
      name: 'apk virtual package deleted',
      code: `FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps${CMD}`,
    },
    { name: 'toolchain image without a CMD', code: 'FROM debian:12\nRUN apt-get install -y gcc make' },
    { name: 'toolchain image with a shell CMD', code: 'FROM debian:12\nRUN apt-get install -y gcc\nCMD ["bash"]' },
    { name: 'runtime libraries', code: `FROM debian:12\nRUN apt-get install -y libssl3 ca-certificates${CMD}` },
  ],
  invalid: [
    {
      code: `FROM debian:12\nRUN apt-get install -y gcc libssl-dev curl${CMD}`,
      errors: [
        [2, 24, 2, 27],
        [2, 28, 2, 38],
      ],
    },
    {
      name: 'purging another package does not count',
      code: `FROM alpine:3.20\nRUN apk add --virtual .deps gcc && apk add g++ && apk del .deps${CMD}`,
      errors: [[2, 44, 2, 47]],
    },
    {
      name: 'installed in a stage the final stage builds on',
      code: `FROM debian:12 AS base\nRUN apt-get install -y make\nFROM base${CMD}`,
      errors: [[2, 24, 2, 28]],
    },
    {
      name: 'final stage of a multistage build',
      code: `FROM golang:1.23 AS build\nFROM debian:12\nRUN yum install -y openjdk-17-jdk${CMD}`,
      errors: [[3, 20, 3, 34]],
    },
  ],
});
