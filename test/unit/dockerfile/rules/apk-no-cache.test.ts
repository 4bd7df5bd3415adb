import rule from '../../../../src/core/dockerfile/rules/apk-no-cache';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl',
    'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $deps',
    { name: 'builder stage', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\nCOPY --from=build /a /a' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add curl', errors: [[2, 9, 2, 12]], output: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
    { name: 'a removal before the add cleans nothing', code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl', errors: [[2, 36, 2, 39]] },
  ],
});
