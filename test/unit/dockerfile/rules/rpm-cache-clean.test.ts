import rule from '../../../../src/core/dockerfile/rules/rpm-cache-clean';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all',
    'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf',
    'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/yum/*',
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper cc -a',
    'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd',
    'FROM fedora:40\nRUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf in -y httpd',
    'FROM fedora:40\nRUN dnf -y upgrade-minimal && dnf clean all',
    { name: 'builder stage', code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM fedora:40\nCOPY --from=build /a /a' },
    { name: 'DL3040 off silences dnf', code: 'FROM fedora:40\nRUN microdnf install -y httpd', options: { severity: { DL3040: 'off' } } },
    { name: 'remove downloads nothing', code: 'FROM fedora:40\nRUN dnf remove -y httpd' },
  ],
  invalid: [
    {
      code: 'FROM rockylinux:9\nRUN yum install -y httpd',
      errors: [[2, 9, 2, 16]],
      output: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all',
      aliases: [['DL3032']],
    },
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl',
      errors: [[2, 15, 2, 17]],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean --all',
      aliases: [['DL3036']],
    },
    { name: 'cleaning with another tool does not count', code: 'FROM fedora:40\nRUN dnf install -y httpd && yum clean all', errors: [[2, 9, 2, 16]], aliases: [['DL3040']] },
    { name: 'a clean before the install cleans nothing', code: 'FROM fedora:40\nRUN dnf clean all && dnf install -y httpd', errors: [[2, 26, 2, 33]] },
    { name: 'rm before the install', code: 'FROM fedora:40\nRUN rm -rf /var/cache/libdnf5 && microdnf install -y httpd', errors: [[2, 43, 2, 50]], aliases: [['DL3040']] },
    { name: 'upgrades fill the cache too', code: 'FROM fedora:40\nRUN dnf -y up && dnf -y rei x', errors: [[2, 12, 2, 14], [2, 25, 2, 28]] },
    {
      name: 'DL3040 off leaves yum and zypper',
      code: 'FROM fedora:40\nRUN dnf install -y a && yum install -y b && zypper -n install c',
      options: { severity: { DL3040: 'off' } },
      errors: [[2, 29, 2, 36], [2, 55, 2, 62]],
      aliases: [['DL3032'], ['DL3036']],
    },
  ],
});
