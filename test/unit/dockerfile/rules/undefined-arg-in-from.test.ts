import rule from '../../../../src/core/dockerfile/rules/undefined-arg-in-from';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'ARG VERSION=3.20\nFROM alpine:$VERSION',
    'ARG VERSION\nFROM alpine:${VERSION}',
    'FROM --platform=$BUILDPLATFORM alpine:3.20',
    'FROM alpine:${VERSION:-3.20}',
    'FROM alpine:3.20 AS base\nFROM base',
  ],
  invalid: [
    { code: 'FROM alpine:$VERSION', errors: [[1, 13, 1, 21]] },
    { name: 'ARG inside a stage is not visible to FROM', code: 'FROM alpine:3.20\nARG TAG=1\nFROM node:${TAG}', errors: [[3, 11, 3, 17]] },
    {
      name: 'an ARG after the first FROM is never global',
      code: 'FROM alpine:$V\nARG V=1\nFROM alpine:$V',
      errors: [
        [1, 13, 1, 15],
        [3, 13, 3, 15],
      ],
    },
    { name: 'platform flag', code: 'FROM --platform=$PLATFORM alpine:3.20', errors: [[1, 17, 1, 26]] },
  ],
});
