import rule from '../../../../src/core/dockerfile/rules/first-instruction-from';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20', 'ARG V=3.20\nFROM alpine:$V', '# syntax=docker/dockerfile:1\n# comment\nFROM alpine:3.20'],
  invalid: [
    { code: 'LABEL a=b\nFROM alpine:3.20', errors: [[1, 1, 1, 6]] },
    { code: 'ARG V=1\nrun true\nFROM alpine:3.20', errors: [[2, 1, 2, 4]] },
  ],
});
