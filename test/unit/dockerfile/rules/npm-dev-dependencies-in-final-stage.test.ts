import rule from '../../../../src/core/dockerfile/rules/npm-dev-dependencies-in-final-stage';
import { ruleTester } from '../rule-tester';

const APP = '\nCMD ["node", "server.js"]';

ruleTester(rule, {
  valid: [
    `FROM node:22-slim\nRUN npm ci --omit=dev${APP}`,
    `FROM node:22-slim\nRUN npm ci --omit dev${APP}`,
    `FROM node:22-slim\nRUN npm install --production${APP}`,
    `FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci${APP}`,
    `FROM node:22-slim\nARG NODE_ENV=production\nENV NODE_ENV=$NODE_ENV\nRUN npm ci${APP}`,
    `FROM node:22-slim\nRUN NODE_ENV=production npm ci${APP}`,
    { name: 'exported earlier in the RUN', code: `FROM node:22-slim\nRUN export NODE_ENV=production && npm ci${APP}` },
    `FROM node:22-slim\nRUN yarn install --production --frozen-lockfile${APP}`,
    `FROM node:22-slim\nRUN pnpm install --prod${APP}`,
    { name: 'pruned later', code: `FROM node:22-slim\nRUN npm ci\nRUN npm prune --omit=dev${APP}` },
    { name: 'builds in the same stage', code: `FROM node:22-slim\nRUN npm ci && npm run build${APP}` },
    { name: 'builder stage', code: `FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist /app${APP}` },
    { name: 'named packages', code: `FROM node:22-slim\nRUN npm install -g pm2@5.4.2${APP}` },
    { name: 'no application command', code: 'FROM node:22-slim\nRUN npm ci' },
  ],
  invalid: [
    { code: `FROM node:22-slim\nRUN npm ci${APP}`, errors: [[2, 9, 2, 11]], output: `FROM node:22-slim\nRUN npm ci --omit=dev${APP}` },
    {
      code: `FROM node:22-slim\nRUN yarn install --frozen-lockfile${APP}`,
      errors: [[2, 10, 2, 17]],
      output: `FROM node:22-slim\nRUN yarn install --production --frozen-lockfile${APP}`,
    },
    { name: 'NODE_ENV set to development', code: `FROM node:22-slim\nENV NODE_ENV=development\nRUN npm install${APP}`, errors: [[3, 9, 3, 16]] },
    { name: 'exported only in a subshell', code: `FROM node:22-slim\nRUN (export NODE_ENV=production) && npm ci${APP}`, errors: [[2, 41, 2, 43]] },
    { name: 'in a stage the final stage builds on', code: `FROM node:22-slim AS deps\nRUN npm ci\nFROM deps${APP}`, errors: [[2, 9, 2, 11]] },
  ],
});
