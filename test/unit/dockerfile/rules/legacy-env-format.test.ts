import rule from '../../../../src/core/dockerfile/rules/legacy-env-format';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nENV NODE_ENV=production', 'FROM node:22\nLABEL a=b c="d e"'],
  invalid: [
    { code: 'FROM node:22\nENV NODE_ENV production', errors: [[2, 5, 2, 24]], output: 'FROM node:22\nENV NODE_ENV=production' },
    { code: 'FROM node:22\nENV GREETING hello world', errors: [[2, 5, 2, 25]], output: 'FROM node:22\nENV GREETING="hello world"' },
  ],
});
