import rule from '../../../../src/core/dockerfile/rules/hardcoded-host-in-env';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nENV DB_HOST=db', 'FROM node:22\nENV API_URL=https://api.example.com', 'FROM node:22\nENV CACHE_DIR=/tmp'],
  invalid: [
    { code: 'FROM node:22\nENV DB_HOST=10.0.0.5', errors: [[2, 13, 2, 21]] },
    { code: 'FROM node:22\nENV REDIS_URL="redis://localhost:6379"', errors: [[2, 15, 2, 39]] },
  ],
});
