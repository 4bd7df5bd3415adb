import rule from '../../../../src/core/dockerfile/rules/zypper-no-dist-upgrade';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper -n update', 'FROM opensuse/leap:15.6\nRUN zypper -n install curl'],
  invalid: [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade', errors: [[2, 15, 2, 27]] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper dup -y', errors: [[2, 12, 2, 15]] },
  ],
});
