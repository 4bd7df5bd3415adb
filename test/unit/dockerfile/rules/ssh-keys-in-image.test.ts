import rule from '../../../../src/core/dockerfile/rules/ssh-keys-in-image';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN ssh-keygen -t ed25519 -f /tmp/k -N ""\nCOPY app /app'],
  invalid: [
    { code: 'FROM debian:12\nRUN ssh-keygen -A', errors: [[2, 5, 2, 18]] },
    { code: 'FROM debian:12\nCOPY keys/authorized_keys /root/.ssh/', errors: [[2, 6, 2, 26]] },
  ],
});
