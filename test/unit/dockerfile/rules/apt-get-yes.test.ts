import rule from '../../../../src/core/dockerfile/rules/apt-get-yes';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl',
    'FROM debian:12\nRUN apt-get -qq install curl',
    'FROM debian:12\nRUN apt-get install --assume-yes curl',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl',
    'FROM debian:12\nRUN yes | apt-get install curl',
    { name: 'simulation', code: 'FROM debian:12\nRUN if apt-get install -s foo; then echo ok; fi' },
    'FROM debian:12\nRUN apt-get update',
  ],
  invalid: [
    { name: 'aptitude', code: 'FROM debian:12\nRUN aptitude install curl', errors: [[2, 14, 2, 21]] },
    { code: 'FROM debian:12\nRUN apt-get install curl', errors: [[2, 13, 2, 20]], output: 'FROM debian:12\nRUN apt-get install -y curl' },
    { code: 'FROM debian:12\nRUN apt-get -q purge --auto-remove curl', errors: [[2, 16, 2, 21]] },
    { name: 'heredoc body', code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get install curl\nEOF', errors: [[4, 9, 4, 16]] },
  ],
});
