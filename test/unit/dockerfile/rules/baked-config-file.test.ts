import rule from '../../../../src/core/dockerfile/rules/baked-config-file';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY package.json server.js /app/',
    'FROM node:22 AS build\nCOPY .env /app/\nFROM node:22\nCOPY --from=build /app/dist /app',
    'FROM node:22\nCOPY config.example.json /app/',
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY .env /app/.env', errors: [[2, 6, 2, 10]] },
    { code: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf', errors: [[2, 6, 2, 16]] },
  ],
});
