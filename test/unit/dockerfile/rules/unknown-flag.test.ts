import rule from '../../../../src/core/dockerfile/rules/unknown-flag';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY --link --chmod=755 --parents --exclude=*.md . /app',
    'FROM node:22\nADD --checksum=sha256:abc --keep-git-dir=true https://example.com/a.tgz /a',
    'FROM node:22\nRUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm npm ci',
    'FROM node:22\nHEALTHCHECK --start-interval=1s CMD true',
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY --chwon=1000 . /app', errors: [[2, 8, 2, 13]] },
    { code: 'FROM node:22\nCOPY --chown=1 --chown=2 . /app', errors: [[2, 18, 2, 23]] },
  ],
});
