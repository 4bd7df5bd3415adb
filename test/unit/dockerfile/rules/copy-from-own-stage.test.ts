import rule from '../../../../src/core/dockerfile/rules/copy-from-own-stage';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM alpine:3.20 AS run\nCOPY --from=build /app /app',
    'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /app /app',
    'FROM alpine:3.20 AS run\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx',
  ],
  invalid: [
    { code: 'FROM alpine:3.20 AS run\nCOPY --from=run /a /b', errors: [[2, 13, 2, 16]] },
    { name: 'by index', code: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=1 /a /b', errors: [[3, 13, 3, 14]] },
    { name: 'case-insensitive', code: 'FROM alpine:3.20 AS run\nCOPY --from=RUN /a /b', errors: [[2, 13, 2, 16]] },
  ],
});
