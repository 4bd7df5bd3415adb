import rule from '../../../../src/core/dockerfile/rules/json-single-quotes';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nCMD ["node", "a.js"]', "FROM node:22\nCMD echo '[x]'"],
  invalid: [
    { code: "FROM node:22\nCMD ['node', 'a.js']", errors: [[2, 5, 2, 21]], output: 'FROM node:22\nCMD ["node", "a.js"]' },
    { code: "FROM node:22\nENTRYPOINT [ 'docker-entrypoint.sh' ]", errors: [[2, 12, 2, 38]], output: 'FROM node:22\nENTRYPOINT ["docker-entrypoint.sh"]' },
  ],
});
