import rule from '../../../../src/core/dockerfile/rules/shell-ln-instead-of-shell';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
    'FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python',
    'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh',
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh', errors: [[2, 22, 2, 29]] },
    { code: 'FROM debian:12\nRUN rm /bin/sh && ln -s bash /bin/sh', errors: [[2, 30, 2, 37]] },
  ],
});
