import rule from '../../../../src/core/dockerfile/rules/ssh-server';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-client',
    { name: 'ssh only in a builder stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y openssh-server\nFROM debian:12\nCMD ["app"]' },
  ],
  invalid: [
    { code: 'FROM centos:7\nRUN yum -y install openssh-server && yum clean all\nENTRYPOINT ["/usr/sbin/sshd", "-D"]', errors: [[2, 20, 2, 34], [3, 13, 3, 29]] },
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache dropbear=2024.85-r0', errors: [[2, 24, 2, 43]] },
  ],
});
