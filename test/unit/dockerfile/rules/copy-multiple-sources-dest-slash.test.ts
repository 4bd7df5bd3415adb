import rule from '../../../../src/core/dockerfile/rules/copy-multiple-sources-dest-slash';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY a b /dest/',
    'FROM alpine:3.20\nCOPY a /dest',
    'FROM alpine:3.20\nWORKDIR /app\nCOPY package.json yarn.lock .',
    'FROM alpine:3.20\nCOPY a b $DEST',
    'FROM alpine:3.20\nCOPY <<EOF /x\nhello\nEOF',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY a b /dest', errors: [[2, 10, 2, 15]], output: 'FROM alpine:3.20\nCOPY a b /dest/' },
    { code: 'FROM alpine:3.20\nADD ["a", "b", "/dest"]', errors: [[2, 16, 2, 23]], output: 'FROM alpine:3.20\nADD ["a", "b", "/dest/"]' },
  ],
});
