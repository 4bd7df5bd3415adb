import rule from '../../../../src/core/dockerfile/rules/apk-pin';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 bash~5.2',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0',
    'FROM alpine:3.20\nRUN apk add --no-cache $runDeps /tmp/pkg.apk',
    'FROM alpine:3.20\nRUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing tini=0.19.0-r3',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl', errors: [[2, 24, 2, 28]] },
    { code: 'FROM alpine:3.20\nRUN apk add -t .deps gcc', errors: [[2, 22, 2, 25]] },
  ],
});
