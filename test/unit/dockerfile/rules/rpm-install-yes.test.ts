import rule from '../../../../src/core/dockerfile/rules/rpm-install-yes';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57',
    'FROM fedora:40\nRUN dnf --assumeyes install httpd',
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd',
    'FROM rockylinux:9\nRUN yum clean all',
    'FROM fedora:40\nRUN dnf -y group install "Development Tools"',
    { name: 'yes piped in', code: 'FROM rockylinux:9\nRUN yes | yum install httpd' },
    { name: 'DL3038 off silences dnf', code: 'FROM fedora:40\nRUN dnf install httpd', options: { severity: { DL3038: 'off' } } },
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN yum install httpd', errors: [[2, 9, 2, 16]], output: 'FROM rockylinux:9\nRUN yum install -y httpd', aliases: [['DL3030']] },
    { code: 'FROM fedora:40\nRUN dnf --setopt=tsflags=nodocs install httpd', errors: [[2, 33, 2, 40]], aliases: [['DL3038']] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in curl', errors: [[2, 12, 2, 14]], aliases: [['DL3034']] },
    { name: 'microdnf prompts since EL9', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd', errors: [[2, 14, 2, 21]], aliases: [['DL3038']] },
    {
      name: 'dnf aliases',
      code: 'FROM fedora:40\nRUN dnf in a && dnf rei b && dnf up && dnf up-min && dnf dg c && dnf rm d',
      errors: [[2, 9, 2, 11], [2, 21, 2, 24], [2, 34, 2, 36], [2, 44, 2, 50], [2, 58, 2, 60], [2, 70, 2, 72]],
    },
    { name: 'module and group installs', code: 'FROM fedora:40\nRUN dnf module install nodejs:20 && yum group install x', errors: [[2, 9, 2, 15], [2, 41, 2, 46]], aliases: [['DL3038'], ['DL3030']] },
    {
      name: 'DL3038 off leaves yum and zypper',
      code: 'FROM fedora:40\nRUN dnf install a && yum install b && zypper install c',
      options: { severity: { DL3038: 'off' } },
      errors: [[2, 26, 2, 33], [2, 46, 2, 53]],
      aliases: [['DL3030'], ['DL3034']],
    },
  ],
});
