import rule from '../../../../src/core/dockerfile/rules/rpm-pin-versions';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57',
    'FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False "python3 >= 3.12" /tmp/x.rpm @development-tools',
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 "bash>=5"',
    'FROM rockylinux:9\nRUN yum install -y $PACKAGES',
    'FROM fedora:40\nRUN dnf install -y openssl-1:1.1.1k gcc-c++-1.1.1',
    'FROM fedora:40\nRUN dnf module install -y nodejs:20',
    'FROM fedora:40\nRUN dnf group install -y "Development Tools"',
    { name: 'option values are not packages', code: 'FROM rockylinux:9\nRUN dnf install -y --disableplugin subscription-manager --forcearch x86_64 httpd-2.4.57' },
    { name: 'version from ENV of this stage', code: 'FROM fedora:42\nENV version=2.51.0-2.fc42\nRUN dnf -y install git-core-${version}' },
    { name: 'version from ENV of the base stage', code: 'FROM fedora:42 AS build\nENV version=2.51.0-2.fc42\nFROM build\nRUN dnf -y install git-core-${version}' },
    { name: 'version set by the shell', code: 'FROM fedora:42 AS build\nENV version=1\nFROM fedora:42\nRUN version=2.51.0 && dnf -y install git-core-$version' },
    { name: 'global ARG declared again', code: 'ARG version=2.51.0-2.fc42\nFROM fedora:42\nARG version\nRUN dnf -y install git-core-${version}' },
  ],
  invalid: [
    { code: 'FROM rockylinux:9\nRUN yum install -y httpd mod_ssl-2.4.57', errors: [[2, 20, 2, 25]], aliases: [['DL3033']] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in --from repo-oss curl', errors: [[2, 34, 2, 38]], aliases: [['DL3037']] },
    { code: 'FROM fedora:40\nRUN microdnf install -y rpm-sign && dnf in -y tomcat', errors: [[2, 25, 2, 33], [2, 47, 2, 53]], aliases: [['DL3041'], ['DL3041']] },
    {
      name: 'version set by ENV only in another stage',
      code: 'FROM fedora:42 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:42\nRUN dnf -y install git-core-${version}',
      errors: [[4, 20, 4, 39]],
      aliases: [['DL3041']],
    },
    {
      name: 'global ARG not declared in the stage',
      code: 'ARG version=2.51.0-2.fc42\nFROM fedora:42\nRUN yum -y install git-core-$version',
      errors: [[3, 20, 3, 37]],
      aliases: [['DL3033']],
    },
    { name: 'a module needs a stream', code: 'FROM fedora:40\nRUN yum module install -y tomcat', errors: [[2, 27, 2, 33]], aliases: [['DL3033']] },
    { name: 'DL3041 off leaves yum', code: 'FROM fedora:40\nRUN dnf install -y a && yum install -y b', options: { severity: { DL3041: 'off' } }, errors: [[2, 40, 2, 41]], aliases: [['DL3033']] },
  ],
});
