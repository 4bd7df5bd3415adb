import rule from '../../../../src/core/dockerfile/rules/yarn-cache-clean';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean',
    'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install',
    'FROM node:22-slim\nRUN yarn --version && yarn build',
    { name: 'builder stage', code: 'FROM node:22 AS build\nRUN yarn install\nFROM node:22-slim\nCOPY --from=build /app /app' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile',
      errors: [[2, 10, 2, 17]],
      output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean',
    },
    { name: 'bare yarn installs', code: 'FROM node:22-slim\nRUN yarn', errors: [[2, 5, 2, 9]] },
    { code: 'FROM node:22-slim\nRUN yarn global add pm2@5.4.2', errors: [[2, 10, 2, 16]] },
    { name: 'a clean before the install cleans nothing', code: 'FROM node:22-slim\nRUN yarn cache clean && yarn install foo', errors: [[2, 30, 2, 37]] },
  ],
});
