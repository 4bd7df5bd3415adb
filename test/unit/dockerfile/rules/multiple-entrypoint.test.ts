import rule from '../../../../src/core/dockerfile/rules/multiple-entrypoint';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nENTRYPOINT ["node"]\nCMD ["a.js"]'],
  invalid: [{ code: 'FROM node:22\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]', errors: [[2, 1, 2, 11], [3, 1, 3, 11]] }],
});
