import rule from '../../../../src/core/dockerfile/rules/expose-host-mapping';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80/tcp'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 8080:80', errors: [[2, 8, 2, 13]], output: 'FROM nginx:1.27\nEXPOSE 80' },
    { code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:80:80/tcp', errors: [[2, 8, 2, 21]], output: 'FROM nginx:1.27\nEXPOSE 80/tcp' },
  ],
});
