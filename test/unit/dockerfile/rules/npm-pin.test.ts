import rule from '../../../../src/core/dockerfile/rules/npm-pin';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nRUN npm ci',
    'FROM node:22-slim\nRUN npm install',
    'FROM node:22-slim\nRUN npm install -g typescript@5.6.3 @angular/cli@18.2.0',
    'FROM node:22-slim\nRUN npm install ./local-package ../x.tgz git+https://github.com/org/repo.git#v1',
    'FROM node:22-slim\nRUN npm install --prefix /app --omit dev',
    'FROM node:22-slim\nRUN npm install expressjs/express',
  ],
  invalid: [
    { code: 'FROM node:22-slim\nRUN npm install -g nodemon', errors: [[2, 20, 2, 27]] },
    { name: 'git URL without a ref', code: 'FROM node:22-slim\nRUN npm install git+https://github.com/org/repo.git', errors: [[2, 17, 2, 52]] },
    {
      code: 'FROM node:22-slim\nRUN npm i @scope/pkg npm@latest',
      errors: [
        [2, 11, 2, 21],
        [2, 22, 2, 32],
      ],
    },
  ],
});
