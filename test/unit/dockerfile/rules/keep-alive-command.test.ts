import rule from '../../../../src/core/dockerfile/rules/keep-alive-command';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nCMD ["node", "app.js"]', 'FROM alpine:3.20\nCMD ["sleep", "5"]', 'FROM alpine:3.20\nRUN tail -f /dev/null'],
  invalid: [
    { code: 'FROM alpine:3.20\nCMD ["tail", "-f", "/dev/null"]', errors: [[2, 6, 2, 31]] },
    { code: 'FROM alpine:3.20\nCMD service cron start && tail -f /dev/null', errors: [[2, 27, 2, 44]] },
    { code: 'FROM alpine:3.20\nENTRYPOINT sleep infinity', errors: [[2, 12, 2, 26]] },
  ],
});
