import rule from '../../../../src/core/dockerfile/rules/label-key-format';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/o/r" maintainer="me"',
    'FROM alpine:3.20\nLABEL org.valid-key.label3="foo"',
    { name: 'quoted keys (Docker\'s own example)', code: 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME Incorporated" \'org.example.x\'=1' },
    { name: 'a key from a variable', code: 'FROM alpine:3.20\nARG KEY=a\nLABEL ${KEY}=x' },
  ],
  invalid: [
    { name: 'reserved namespace', code: 'FROM alpine:3.20\nLABEL com.docker.label="foo"', errors: [[2, 7, 2, 23]] },
    { name: 'upper case and $', code: 'FROM alpine:3.20\nLABEL Version=1 org.example.a_b=2', errors: [[2, 7, 2, 14], [2, 17, 2, 32]] },
    { name: 'starts with a digit', code: 'FROM alpine:3.20\nLABEL 1invalid="foo"', errors: [[2, 7, 2, 15]] },
    { name: 'consecutive dividers', code: 'FROM alpine:3.20\nLABEL invalid..character="foo" a--b=1', errors: [[2, 7, 2, 25], [2, 32, 2, 36]] },
    { name: 'ends with a divider', code: 'FROM alpine:3.20\nLABEL org.example.="foo"', errors: [[2, 7, 2, 19]] },
  ],
});
