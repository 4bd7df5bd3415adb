import rule from '../../../../src/core/dockerfile/rules/secret-value-in-image';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nENV DATABASE_URL=postgres://db:5432/app', 'FROM node:22\nRUN curl -fsSL https://example.com/install.sh -o /tmp/i.sh'],
  invalid: [
    { code: 'FROM node:22\nENV AWS=AKIAIOSFODNN7EXAMPLE', errors: [[2, 9, 2, 29]] },
    { code: 'FROM node:22\nENV DATABASE_URL=postgres://app:s3cret@db:5432/app', errors: [[2, 29, 2, 39]] },
    { code: 'FROM node:22\nRUN git clone https://ghp_0123456789abcdefghijklmnopqrstuvwxyzAB@github.com/o/r.git', errors: [[2, 23, 2, 65]] },
  ],
});
