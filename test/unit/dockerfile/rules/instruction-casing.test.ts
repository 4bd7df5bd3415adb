import rule from '../../../../src/core/dockerfile/rules/instruction-casing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nRUN true\nCMD ["a"]', 'from node:22\nrun true\ncmd ["a"]'],
  invalid: [
    { code: 'FROM node:22\nrun true\nCMD ["a"]', errors: [[2, 1, 2, 4]], output: 'FROM node:22\nRUN true\nCMD ["a"]' },
    { code: 'from node:22\nrun true\nCmd ["a"]', errors: [[3, 1, 3, 4]], output: 'from node:22\nrun true\ncmd ["a"]' },
  ],
});
