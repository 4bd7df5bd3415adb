import rule from '../../../../src/core/dockerfile/rules/multiple-healthcheck';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1'],
  invalid: [{ code: 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD curl -f http://localhost/', errors: [[2, 1, 2, 12]] }],
});
