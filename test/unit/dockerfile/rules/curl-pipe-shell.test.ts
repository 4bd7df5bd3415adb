import rule from '../../../../src/core/dockerfile/rules/curl-pipe-shell';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLo install.sh https://example.com/install.sh && echo "$SUM install.sh" | sha256sum -c - && sh install.sh',
    'FROM debian:12\nRUN curl -fsSL https://example.com/a.tgz | tar xz',
    'FROM debian:12\nRUN echo hello | sh',
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh', errors: [[2, 42, 2, 44]] },
    { code: 'FROM debian:12\nRUN wget -qO- https://get.example.com | sudo -E bash -', errors: [[2, 49, 2, 53]] },
    { name: 'command substitution', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://get.example.com)"', errors: [[2, 5, 2, 7]] },
  ],
});
