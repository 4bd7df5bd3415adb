import rule from '../../../../src/core/dockerfile/rules/wget-and-curl';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLO https://a && curl -fsSLO https://b',
    { name: 'different stages', code: 'FROM debian:12 AS a\nRUN curl -fsSLO https://a\nFROM debian:12\nRUN wget -q https://b' },
    { name: 'only a presence check', code: 'FROM debian:12\nRUN curl -fsSLO https://a && command -v wget' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSLO https://a\nRUN wget -q https://b', errors: [[3, 5, 3, 9]] },
    {
      code: 'FROM debian:12\nRUN wget -q https://a && curl -O https://b && curl -O https://c',
      errors: [
        [2, 26, 2, 30],
        [2, 47, 2, 51],
      ],
    },
  ],
});
