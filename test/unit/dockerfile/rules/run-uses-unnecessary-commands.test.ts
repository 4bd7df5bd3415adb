import rule from '../../../../src/core/dockerfile/rules/run-uses-unnecessary-commands';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y openssh-client',
    'FROM debian:12\nRUN ssh-keygen -A',
    'FROM debian:12\nRUN command -v ssh',
    { name: 'ssh with an ssh mount', code: 'FROM debian:12\nRUN --mount=type=ssh ssh -T git@github.com' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN service mysql start && mysql < init.sql', errors: [[2, 5, 2, 12]] },
    {
      code: 'FROM debian:12\nRUN ps aux | grep x; sudo kill 1',
      errors: [
        [2, 5, 2, 7],
        [2, 27, 2, 31],
      ],
    },
  ],
});
