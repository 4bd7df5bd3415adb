import rule from '../../../../src/core/dockerfile/rules/empty-continuation-line';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl\n\nCMD ["bash"]'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n\n  && apt-get install -y curl',
      errors: [[3, 1, 3, 1]],
      output: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl',
    },
  ],
});
