import rule from '../../../../src/core/dockerfile/rules/sudo-usage';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get update', 'FROM debian:12\nRUN echo sudo'],
  invalid: [{ code: 'FROM debian:12\nRUN sudo apt-get update && sudo -E make install', errors: [[2, 5, 2, 9], [2, 28, 2, 32]] }],
});
