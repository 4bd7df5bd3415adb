import rule from '../../../../src/core/dockerfile/rules/rpm-install-yes';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57',
    'FROM fedora:40\nRUN dnf --assumeyes install httpd',
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd',
    'FROM rockylinux:9\nRUN yum clean all',
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN yum install httpd', errors: [[2, 9, 2, 16]], output: 'FROM rockylinux:9\nRUN yum install -y httpd' },
    { code: 'FROM fedora:40\nRUN dnf --setopt=tsflags=nodocs install httpd', errors: [[2, 33, 2, 40]] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in curl', errors: [[2, 12, 2, 14]] },
  ],
});
