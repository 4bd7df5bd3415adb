import rule from '../../../../src/core/dockerfile/rules/maintainer-deprecated';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nLABEL org.opencontainers.image.authors="Ada <ada@example.com>"'],
  invalid: [
    {
      code: 'FROM node:22\nMAINTAINER Ada <ada@example.com>',
      errors: [[2, 1, 2, 11]],
      output: 'FROM node:22\nLABEL org.opencontainers.image.authors="Ada <ada@example.com>"',
    },
  ],
});
