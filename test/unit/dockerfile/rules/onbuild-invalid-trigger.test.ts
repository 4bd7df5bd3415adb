import rule from '../../../../src/core/dockerfile/rules/onbuild-invalid-trigger';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nONBUILD COPY . /app'],
  invalid: [{ code: 'FROM node:22\nONBUILD FROM alpine:3.20', errors: [[2, 9, 2, 13]] }],
});
