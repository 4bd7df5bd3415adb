import rule from '../../../../src/core/dockerfile/rules/env-self-reference';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nENV A=1\nENV B=$A', 'FROM node:22\nENV A=1 B=$C'],
  invalid: [{ code: 'FROM node:22\nENV APP=/app PATH=${APP}/bin:$PATH', errors: [[2, 19, 2, 25]] }],
});
