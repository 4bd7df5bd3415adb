import rule from '../../../../src/core/dockerfile/rules/expose-port-range';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010/udp 65535', 'FROM nginx:1.27\nARG PORT=80\nEXPOSE $PORT'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 70000', errors: [[2, 8, 2, 13]] },
    { code: 'FROM nginx:1.27\nEXPOSE 80 http 9000-8000/tcp', errors: [[2, 11, 2, 15], [2, 16, 2, 25]] },
  ],
});
