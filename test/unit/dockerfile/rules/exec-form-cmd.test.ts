import rule from '../../../../src/core/dockerfile/rules/exec-form-cmd';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    'FROM node:22\nENTRYPOINT ["docker-entrypoint.sh"]',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ping localhost',
    'FROM node:22\nSHELL ["pwsh", "-Command"]\nCMD Write-Host hi',
  ],
  invalid: [
    { code: 'FROM node:22\nCMD node server.js', errors: [[2, 5, 2, 19]], output: 'FROM node:22\nCMD ["node", "server.js"]' },
    { code: 'FROM node:22\nENTRYPOINT nginx -g "daemon off;"', errors: [[2, 12, 2, 34]], output: 'FROM node:22\nENTRYPOINT ["nginx", "-g", "daemon off;"]' },
    { name: 'no mechanical fix with operators', code: 'FROM node:22\nCMD npm run migrate && node server.js', errors: [[2, 5, 2, 38]], output: 'FROM node:22\nCMD npm run migrate && node server.js' },
  ],
});
