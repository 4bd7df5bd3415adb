import rule from '../../../../src/core/dockerfile/rules/shell-syntax-error';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN if [ -f a ]; then echo a; fi', 'FROM debian:12\nRUN <<EOF\nset -e\necho "hi"\nEOF', 'FROM debian:12\nRUN ["echo", "unclosed \'quote"]'],
  invalid: [
    { code: 'FROM debian:12\nRUN echo "unterminated', errors: [[2, 10, 2, 11]] },
    { code: 'FROM debian:12\nRUN if true; then echo a', errors: [[2, 5, 2, 6]] },
  ],
});
