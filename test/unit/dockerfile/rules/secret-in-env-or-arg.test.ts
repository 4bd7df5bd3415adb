import rule from '../../../../src/core/dockerfile/rules/secret-in-env-or-arg';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.13\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
    'FROM node:22\nENV DB_PASSWORD_FILE=/run/secrets/db_password',
    'FROM node:22\nENV TOKEN_URL=https://auth.example.com/token',
    'FROM node:22\nENV NODE_ENV=production',
    { name: 'an id that is no credential', code: 'FROM node:22\nENV KMS_KEY_ID=alias/app' },
  ],
  invalid: [
    { code: 'FROM node:22\nENV DB_PASSWORD=hunter2', errors: [[2, 5, 2, 16]] },
    { code: 'FROM node:22\nARG GITHUB_TOKEN', errors: [[2, 5, 2, 17]] },
    { name: 'access key id, global ARG', code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bookworm\nRUN true', errors: [[1, 5, 1, 22]] },
    { name: 'access key id in ENV', code: 'FROM debian:bookworm\nENV aws_access_key_id=AKIAIOSFODNN7EXAMPLE', errors: [[2, 5, 2, 22]] },
    { code: 'FROM node:22\nENV apiKey=abc secretKey=def', errors: [[2, 5, 2, 11], [2, 16, 2, 25]] },
  ],
});
