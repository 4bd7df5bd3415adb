import rule from '../../../../src/core/dockerfile/rules/apt-update-alone';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    { name: 'no install follows', code: 'FROM debian:12\nRUN apt-get update' },
    { name: 'install in another stage', code: 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl', errors: [[2, 13, 2, 19]] },
    { name: 'aptitude', code: 'FROM debian:12\nRUN aptitude update\nRUN aptitude install -y curl', errors: [[2, 14, 2, 20]] },
    { code: 'FROM debian:12\nRUN apt update -q\nCOPY a /a\nRUN apt upgrade -y', errors: [[2, 9, 2, 15]] },
  ],
});
