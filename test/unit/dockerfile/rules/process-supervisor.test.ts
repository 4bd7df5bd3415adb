import rule from '../../../../src/core/dockerfile/rules/process-supervisor';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "app.js"]',
    { name: 'pm2-runtime is a single-app runner', code: 'FROM node:22\nCMD ["pm2-runtime", "app.js"]' },
    { name: 'supervisor only in a builder stage', code: 'FROM debian:12 AS tools\nRUN apt-get install -y supervisor\nFROM node:22\nCMD ["node", "app.js"]' },
  ],
  invalid: [
    { code: 'FROM debian:12\nCMD ["/usr/bin/supervisord", "-n"]', errors: [[2, 6, 2, 28]] },
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends supervisor\nCMD supervisord -n', errors: [[2, 48, 2, 58], [3, 5, 3, 16]] },
    { name: 'installed with pipx', code: 'FROM python:3.12-slim\nRUN pipx install supervisor==4.2.5', errors: [[2, 18, 2, 35]] },
  ],
});
