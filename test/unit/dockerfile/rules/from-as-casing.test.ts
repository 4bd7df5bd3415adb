import rule from '../../../../src/core/dockerfile/rules/from-as-casing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20 AS build', 'from alpine:3.20 as build', 'FROM alpine:3.20', 'From alpine:3.20 as build'],
  invalid: [
    { code: 'FROM alpine:3.20 as build', errors: [[1, 18, 1, 20]], output: 'FROM alpine:3.20 AS build' },
    { code: 'from alpine:3.20 AS build', errors: [[1, 18, 1, 20]], output: 'from alpine:3.20 as build' },
    { code: 'FROM alpine:3.20 As build', errors: [[1, 18, 1, 20]], output: 'FROM alpine:3.20 AS build' },
  ],
});
