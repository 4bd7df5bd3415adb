import rule from '../../../../src/core/dockerfile/rules/reserved-stage-name';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20 AS scratchpad', 'FROM scratch', 'FROM alpine:3.20 AS build-context'],
  invalid: [
    { code: 'FROM alpine:3.20 AS scratch', errors: [[1, 21, 1, 28]] },
    { code: 'FROM alpine:3.20 AS Context', errors: [[1, 21, 1, 28]] },
  ],
});
