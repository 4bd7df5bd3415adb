import rule from '../../../../src/core/dockerfile/rules/apt-pin-versions';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u5',
    { name: 'variables', code: 'FROM debian:12\nRUN apt-get install -y $buildDeps "which=${WHICH_VERSION}"' },
    { name: '.deb files and paths', code: 'FROM debian:12\nRUN apt-get install -y ./pkg.deb /tmp/other.deb' },
    { name: 'option values', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports -o Dpkg::Options::=--force-confnew git=1:2.39.5-0+deb12u1' },
    'FROM debian:12\nRUN apt-get update && apt-get upgrade -y',
  ],
  invalid: [
    { name: 'version set only in another stage', code: 'FROM debian:12 AS a\nARG CURL_VERSION=7.88.1-10\nFROM debian:12\nRUN apt-get install -y curl=${CURL_VERSION}', errors: [[4, 24, 4, 44]] },
    { name: 'aptitude', code: 'FROM debian:12\nRUN aptitude install -y curl=7.88.1-10+deb12u8 git', errors: [[2, 48, 2, 51]] },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl git=1:2.39 ca-certificates',
      errors: [
        [2, 42, 2, 46],
        [2, 58, 2, 73],
      ],
    },
    { name: '-t value skipped, package still reported', code: 'FROM debian:12\nRUN apt-get install -t bookworm-backports -y golang', errors: [[2, 46, 2, 52]] },
  ],
});
