import rule from '../../../../src/core/dockerfile/rules/stopsignal-invalid';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nSTOPSIGNAL SIGQUIT', 'FROM nginx:1.27\nSTOPSIGNAL 9', 'FROM nginx:1.27\nSTOPSIGNAL SIGRTMIN+3'],
  invalid: [{ code: 'FROM nginx:1.27\nSTOPSIGNAL SIGTERMINATE', errors: [[2, 12, 2, 24]] }],
});
