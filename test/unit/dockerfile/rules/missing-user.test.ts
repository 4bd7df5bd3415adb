import rule from '../../../../src/core/dockerfile/rules/missing-user';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nUSER node',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'FROM scratch\nCOPY app /app',
    'FROM postgres:17\nENTRYPOINT ["docker-entrypoint.sh"]',
    'FROM node:22 AS base\nUSER node\nFROM base',
  ],
  invalid: [
    {
      code: 'FROM node:22 AS build\nUSER node\nFROM node:22-slim\nCMD ["node", "a.js"]',
      errors: [[3, 6, 3, 18]],
      output: 'FROM node:22 AS build\nUSER node\nFROM node:22-slim\nUSER 10001\nCMD ["node", "a.js"]',
    },
    { name: 'no CMD: the user goes at the end', code: 'FROM debian:12\nRUN true', errors: [[1, 6, 1, 15]], output: 'FROM debian:12\nRUN true\nUSER 10001' },
  ],
});
