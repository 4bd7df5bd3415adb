import rule from '../../../../src/core/dockerfile/rules/multiple-cmd';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nCMD ["node", "a.js"]', 'FROM node:22 AS a\nCMD ["a"]\nFROM node:22\nCMD ["b"]'],
  invalid: [{ code: 'FROM node:22\nCMD ["nginx"]\nCMD ["node", "a.js"]', errors: [[2, 1, 2, 4]], output: 'FROM node:22\nCMD ["node", "a.js"]' }],
});
