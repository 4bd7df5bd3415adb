import rule from '../../../../src/core/dockerfile/rules/final-user-root';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nUSER node', 'FROM node:22 AS build\nUSER root\nFROM node:22\nUSER 1000', 'FROM node:22'],
  invalid: [
    { code: 'FROM node:22\nUSER node\nUSER root', errors: [[3, 6, 3, 10]] },
    { code: 'FROM node:22\nUSER 0:0', errors: [[2, 6, 2, 9]] },
  ],
});
