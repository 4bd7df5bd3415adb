import rule from '../../../../src/core/dockerfile/rules/copy-secrets-into-image';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-slim\nCOPY package.json .npmrc.example /app/',
    'FROM alpine:3.20\nCOPY certs/ca.pem /usr/local/share/ca-certificates/',
    'FROM alpine:3.20\nCOPY nginx_signing.key /etc/apt/',
    'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys',
    { name: 'from another stage', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /root/.npmrc /tmp/' },
  ],
  invalid: [
    { code: 'FROM node:22-slim\nCOPY .npmrc package.json /app/', errors: [[2, 6, 2, 12]] },
    { code: 'FROM alpine:3.20\nADD ./keys/id_rsa /root/.ssh/', errors: [[2, 5, 2, 18]] },
    {
      code: 'FROM alpine:3.20\nCOPY .env tls/server.key /app/',
      errors: [
        [2, 6, 2, 10],
        [2, 11, 2, 25],
      ],
    },
  ],
});
