import rule from '../../../../src/core/dockerfile/rules/rpm-cache-clean';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all',
    'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf',
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper cc -a',
    'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd',
    { name: 'builder stage', code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM fedora:40\nCOPY --from=build /a /a' },
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN yum install -y httpd', errors: [[2, 9, 2, 16]], output: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all' },
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl',
      errors: [[2, 15, 2, 17]],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean --all',
    },
    { name: 'cleaning with another tool does not count', code: 'FROM fedora:40\nRUN dnf install -y httpd && yum clean all', errors: [[2, 9, 2, 16]] },
  ],
});
