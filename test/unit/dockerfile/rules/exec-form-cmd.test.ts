import rule from '../../../../src/core/dockerfile/rules/exec-form-cmd';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    'FROM node:22\nENTRYPOINT ["docker-entrypoint.sh"]',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ping localhost',
    'FROM node:22\nSHELL ["pwsh", "-Command"]\nCMD Write-Host hi',
    { name: 'HEALTHCHECK in JSON form', code: 'FROM node:22\nHEALTHCHECK CMD [ "foobar" ]' },
    { name: 'HEALTHCHECK that needs the shell', code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1' },
    { name: 'HEALTHCHECK NONE', code: 'FROM nginx:1.27\nHEALTHCHECK NONE' },
  ],
  invalid: [
    { code: 'FROM node:22\nCMD node server.js', errors: [[2, 5, 2, 19]], output: 'FROM node:22\nCMD ["node", "server.js"]' },
    { code: 'FROM node:22\nENTRYPOINT nginx -g "daemon off;"', errors: [[2, 12, 2, 34]], output: 'FROM node:22\nENTRYPOINT ["nginx", "-g", "daemon off;"]' },
    {
      name: 'plain HEALTHCHECK command',
      code: 'FROM node:22\nHEALTHCHECK --interval=30s CMD wget -q --spider http://localhost:3000/health',
      errors: [[2, 32, 2, 77]],
      aliases: [['DL3025']],
      output: 'FROM node:22\nHEALTHCHECK --interval=30s CMD ["wget", "-q", "--spider", "http://localhost:3000/health"]',
    },
    { name: 'no mechanical fix with operators', code: 'FROM node:22\nCMD npm run migrate && node server.js', errors: [[2, 5, 2, 38]], output: 'FROM node:22\nCMD npm run migrate && node server.js' },
  ],
});
