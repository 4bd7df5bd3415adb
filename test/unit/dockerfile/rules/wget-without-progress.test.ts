import rule from '../../../../src/core/dockerfile/rules/wget-without-progress';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz',
    'FROM debian:12\nRUN wget -q https://example.com/a.tgz',
    'FROM debian:12\nRUN wget -qO- https://example.com/a.tgz',
    'FROM debian:12\nRUN wget -nv https://example.com/a.tgz',
    { name: 'BusyBox image', code: 'FROM busybox:1.36\nRUN wget -O /a https://example.com/a' },
    { name: 'BusyBox wget on Alpine', code: 'FROM alpine:3.20\nRUN wget -O /a https://example.com/a' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget -O a.tgz https://example.com/a.tgz',
      errors: [[2, 5, 2, 9]],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga -O a.tgz https://example.com/a.tgz',
    },
    { name: 'GNU wget installed on Alpine', code: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget https://example.com/a', errors: [[2, 32, 2, 36]] },
  ],
});
