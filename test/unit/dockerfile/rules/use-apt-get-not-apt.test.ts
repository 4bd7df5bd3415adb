import rule from '../../../../src/core/dockerfile/rules/use-apt-get-not-apt';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y curl', 'FROM debian:12\nRUN apt-cache policy curl', 'FROM debian:12\nRUN echo apt install'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl',
      errors: [
        [2, 5, 2, 8],
        [2, 19, 2, 22],
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    },
    {
      name: 'no rename for apt-only subcommands',
      code: 'FROM debian:12\nRUN apt list --installed',
      errors: [[2, 5, 2, 8]],
      output: 'FROM debian:12\nRUN apt list --installed',
    },
  ],
});
