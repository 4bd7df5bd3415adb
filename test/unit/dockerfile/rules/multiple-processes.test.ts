import rule from '../../../../src/core/dockerfile/rules/multiple-processes';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    { name: 'sequential one-shot commands', code: 'FROM node:22\nCMD npm run migrate && node server.js' },
    { name: 'nginx in the foreground', code: 'FROM nginx:1.27\nCMD nginx -g "daemon off;"' },
    { name: 'background group alone', code: 'FROM alpine:3.20\nCMD (a; b) &' },
    { name: 'exec-form sh -c with one process', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "echo start && exec app"]' },
  ],
  invalid: [
    { code: 'FROM node:22\nCMD nginx & node server.js', errors: [[2, 5, 2, 12]] },
    { name: 'service start then a second daemon', code: 'FROM php:8-fpm\nCMD service nginx start && php-fpm', errors: [[2, 5, 2, 24]] },
    { name: 'self-daemonising nginx', code: 'FROM php:8-fpm\nENTRYPOINT nginx; php-fpm -F', errors: [[2, 12, 2, 17]] },
    { name: 'exec-form sh -c', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "crond && httpd -f"]', errors: [[2, 19, 2, 24]] },
  ],
});
