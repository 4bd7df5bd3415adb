import rule from '../../../../src/core/dockerfile/rules/copy-relative-dest-without-workdir';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app /app/',
    'FROM alpine:3.20\nWORKDIR /app\nCOPY . .',
    { name: 'WORKDIR inherited from a base stage', code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nCOPY . .' },
    'FROM alpine:3.20\nCOPY a "${DIR}/x"',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app C:\\\\app',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY . .', errors: [[2, 8, 2, 9]] },
    { name: 'WORKDIR only after', code: 'FROM alpine:3.20\nCOPY a app/\nWORKDIR /app', errors: [[2, 8, 2, 12]] },
  ],
});
