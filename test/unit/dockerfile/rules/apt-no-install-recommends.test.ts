import rule from '../../../../src/core/dockerfile/rules/apt-no-install-recommends';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl',
    'FROM debian:12\nRUN apt-get update',
    'FROM debian:12\nRUN echo apt-get install curl',
    'FROM debian:12\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl',
    { name: 'aptitude -R', code: 'FROM debian:12\nRUN aptitude install -y -R curl && aptitude install -y --without-recommends git' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
      errors: [[2, 31, 2, 38]],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl',
    },
    {
      name: 'continuation lines and sudo',
      code: 'FROM debian:12\nRUN apt-get update \\\n  && sudo apt-get -q install \\\n    curl',
      errors: [[3, 22, 3, 29]],
    },
    {
      name: 'aptitude',
      code: 'FROM debian:12\nRUN aptitude install -y curl',
      errors: [[2, 14, 2, 21]],
      output: 'FROM debian:12\nRUN aptitude install --without-recommends -y curl',
    },
    { name: 'ONBUILD RUN trigger', code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl', errors: [[2, 21, 2, 28]] },
    { name: 'heredoc body', code: 'FROM debian:12\nRUN <<EOF\napt-get install -y curl\nEOF', errors: [[3, 9, 3, 16]] },
  ],
});
