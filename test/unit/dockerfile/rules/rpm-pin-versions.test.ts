import rule from '../../../../src/core/dockerfile/rules/rpm-pin-versions';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57',
    'FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False "python3 >= 3.12" /tmp/x.rpm @development-tools',
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 "bash>=5"',
    'FROM rockylinux:9\nRUN yum install -y $PACKAGES',
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN yum install -y httpd mod_ssl-2.4.57', errors: [[2, 20, 2, 25]] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in --from repo-oss curl', errors: [[2, 34, 2, 38]] },
  ],
});
