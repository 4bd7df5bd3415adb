import rule from '../../../../src/core/dockerfile/rules/expose-ssh-port';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443', 'FROM debian:12 AS b\nEXPOSE 22\nFROM nginx:1.27\nEXPOSE 2222'],
  invalid: [{ code: 'FROM debian:12\nEXPOSE 80 22/tcp', errors: [[2, 11, 2, 17]] }],
});
