import rule from '../../../../src/core/dockerfile/rules/shell-wrapper-without-exec';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["sh", "-c", "node app.js"]',
    'FROM node:22\nCMD ["sh", "-c", "npm run migrate && exec node app.js"]',
    'FROM node:22\nCMD npm run migrate && node app.js',
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["sh", "-c", "npm run migrate && node app.js"]',
      errors: [[2, 38, 2, 42]],
      output: 'FROM node:22\nCMD ["sh", "-c", "npm run migrate && exec node app.js"]',
    },
  ],
});
