import rule from '../../../../src/core/dockerfile/rules/dockerignore-missing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'FROM node:22\nCOPY . /app', options: { dockerignore: 'node_modules\n' } },
    { name: 'unknown whether there is one', code: 'FROM node:22\nCOPY . /app' },
    { name: 'named files only', code: 'FROM node:22\nCOPY package.json /app/', options: { dockerignore: null } },
    { name: 'from a stage', code: 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b . /app', options: { dockerignore: null } },
  ],
  invalid: [
    { code: 'FROM node:22\nWORKDIR /app\nCOPY . .', options: { dockerignore: null }, errors: [[3, 6, 3, 7]] },
    { code: 'FROM node:22\nADD ./ /app', options: { dockerignore: null }, errors: [[2, 5, 2, 7]] },
  ],
});
