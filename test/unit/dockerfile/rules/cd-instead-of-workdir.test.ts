import rule from '../../../../src/core/dockerfile/rules/cd-instead-of-workdir';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /src\nRUN make',
    { name: 'subshell', code: 'FROM alpine:3.20\nRUN (cd /src && make)' },
    { name: 'variable target', code: 'FROM alpine:3.20\nRUN tmp="$(mktemp -d)" && cd "$tmp" && make' },
    { name: 'temporary directory removed afterwards', code: 'FROM alpine:3.20\nRUN mkdir /tmp/build && cd /tmp/build && make && cd / && rm -rf /tmp/build' },
    { name: 'going back', code: 'FROM alpine:3.20\nRUN cd -; cd ..; cd /' },
    { name: 'not a POSIX shell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\\\app' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN cd /src && make', errors: [[2, 5, 2, 7]], output: 'FROM alpine:3.20\nWORKDIR /src\nRUN make' },
    {
      name: 'continuation lines',
      code: 'FROM alpine:3.20\nRUN cd /usr/src/app \\\n  && npm ci',
      errors: [[2, 5, 2, 7]],
      output: 'FROM alpine:3.20\nWORKDIR /usr/src/app\nRUN npm ci',
    },
    {
      name: 'no fix when not the first command',
      code: 'FROM alpine:3.20\nRUN make; cd /src; make',
      errors: [[2, 11, 2, 13]],
      output: 'FROM alpine:3.20\nRUN make; cd /src; make',
    },
  ],
});
