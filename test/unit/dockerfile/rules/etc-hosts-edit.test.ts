import rule from '../../../../src/core/dockerfile/rules/etc-hosts-edit';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN cat /etc/hosts', 'FROM debian:12\nRUN echo x > /etc/hostname', 'FROM debian:12\nRUN grep -q db /etc/hosts || true'],
  invalid: [
    { code: 'FROM debian:12\nRUN echo "10.0.0.5 db" >> /etc/hosts', errors: [[2, 27, 2, 37]] },
    { code: 'FROM debian:12\nRUN sed -i "s/old/new/" /etc/hosts', errors: [[2, 25, 2, 35]] },
    { code: 'FROM debian:12\nRUN echo "10.0.0.5 db" | tee -a /etc/hosts', errors: [[2, 33, 2, 43]] },
  ],
});
