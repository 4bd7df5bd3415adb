import rule from '../../../../src/core/dockerfile/rules/expose-protocol';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 80'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 80/TCP', errors: [[2, 11, 2, 14]], output: 'FROM nginx:1.27\nEXPOSE 80/tcp' },
    { code: 'FROM nginx:1.27\nEXPOSE 80/http', errors: [[2, 11, 2, 15]] },
  ],
});
