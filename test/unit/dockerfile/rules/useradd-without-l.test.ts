import rule from '../../../../src/core/dockerfile/rules/useradd-without-l';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -l -u 100000 app',
    'FROM debian:12\nRUN useradd --no-log-init --uid 100000 app',
    'FROM debian:12\nRUN useradd -u 1000 app',
    'FROM debian:12\nRUN useradd -u "$UID" app',
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN useradd -u 100000 app', errors: [[2, 16, 2, 22]], output: 'FROM debian:12\nRUN useradd -l -u 100000 app' },
    { code: 'FROM debian:12\nRUN useradd -m --uid=70000 app', errors: [[2, 22, 2, 27]] },
  ],
});
