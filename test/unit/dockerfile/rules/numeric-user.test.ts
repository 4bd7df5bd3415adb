import rule from '../../../../src/core/dockerfile/rules/numeric-user';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nUSER 10001',
    'FROM node:22\nUSER 1234:5678',
    { name: 'no USER', code: 'FROM node:22\nCMD ["node", "a.js"]' },
    { name: 'root is final-user-root', code: 'FROM node:22\nUSER root' },
    { name: 'a builder stage', code: 'FROM node:22 AS build\nUSER node\nFROM node:22-slim\nUSER 1000' },
    { name: 'a Windows user', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2025\nUSER ContainerUser' },
    { name: 'an unresolved variable', code: 'ARG APP_UID\nFROM alpine:3.20\nUSER ${APP_UID}' },
    { name: 'a variable that resolves to a UID', code: 'FROM alpine:3.20\nARG APP_UID=10001\nUSER ${APP_UID}:${APP_UID}' },
  ],
  invalid: [
    { code: 'FROM node:22\nUSER node', errors: [[2, 6, 2, 10]] },
    { name: 'name and group', code: 'FROM node:22\nUSER app:app', errors: [[2, 6, 2, 13]] },
    { name: 'inherited from the base stage', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]', errors: [[2, 6, 2, 10]] },
    { name: 'a variable that resolves to a name', code: 'FROM alpine:3.20\nARG APP_USER=app\nUSER $APP_USER', errors: [[3, 6, 3, 15]] },
    { name: 'a fragment', code: 'USER foobar', errors: [[1, 6, 1, 12]] },
  ],
});
