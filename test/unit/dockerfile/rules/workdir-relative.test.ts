import rule from '../../../../src/core/dockerfile/rules/workdir-relative';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nWORKDIR /app', 'FROM node:22\nWORKDIR $HOME/app', 'FROM node:22\nWORKDIR "/srv/app"'],
  invalid: [{ code: 'FROM node:22\nWORKDIR app', errors: [[2, 9, 2, 12]] }],
});
