import rule from '../../../../src/core/dockerfile/rules/duplicate-stage-name';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM golang:1.23 AS build\nFROM alpine:3.20 AS run', 'FROM golang:1.23\nFROM alpine:3.20', 'FROM golang:1.23 AS build\nFROM build AS test'],
  invalid: [
    { code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS build', errors: [[2, 21, 2, 26]] },
    { name: 'names are case-insensitive', code: 'FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20 AS BUILD', errors: [[3, 21, 3, 26]] },
    {
      name: 'every repeat',
      code: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x',
      errors: [
        [2, 13, 2, 14],
        [3, 13, 3, 14],
      ],
    },
  ],
});
