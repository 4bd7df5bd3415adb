import rule from '../../../../src/core/dockerfile/rules/add-instead-of-copy';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app /app',
    'FROM alpine:3.20\nADD rootfs.tar.gz /',
    'FROM alpine:3.20\nADD https://example.com/tool /usr/bin/tool',
    'FROM alpine:3.20\nADD git@github.com:org/repo.git /src',
    'FROM alpine:3.20\nADD $ARCHIVE /opt/',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD app /app', errors: [[2, 1, 2, 4]], output: 'FROM alpine:3.20\nCOPY app /app' },
    { code: 'FROM alpine:3.20\nadd --chown=1:1 ["a b", "/c/"]', errors: [[2, 1, 2, 4]], output: 'FROM alpine:3.20\ncopy --chown=1:1 ["a b", "/c/"]' },
  ],
});
