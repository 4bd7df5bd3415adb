import rule from '../../../../src/core/dockerfile/rules/untrusted-registry';
import { ruleTester } from '../rule-tester';

const options = { trustedRegistries: ['docker.io', '*.corp.example'] };

ruleTester(rule, {
  valid: [
    { name: 'no policy configured', code: 'FROM quay.io/org/app:1.0' },
    { code: 'FROM alpine:3.20\nFROM registry.corp.example/base:1\nCOPY --from=nginx:1.27 /a /a', options },
    { name: 'stages and variables', code: 'ARG IMG\nFROM $IMG AS a\nFROM a\nCOPY --from=a /x /x\nRUN --mount=type=cache,from=a,target=/c true', options },
    { code: 'FROM scratch', options },
    { name: '* trusts every registry', code: 'FROM ubuntu:24.04\nFROM quay.io/org/app:1.0\nFROM docker.io/org/ubuntu:24.04', options: { trustedRegistries: ['*'] } },
  ],
  invalid: [
    { code: 'FROM quay.io/org/app:1.0', options, errors: [[1, 6, 1, 25]] },
    { name: 'COPY --from image', code: 'FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool:1 /t /t', options, errors: [[2, 13, 2, 31]] },
    { name: 'RUN --mount from image', code: 'FROM alpine:3.20\nRUN --mount=type=bind,from=gcr.io/x/y:1,target=/m true', options, errors: [[2, 28, 2, 40]] },
    { name: 'docker.io not trusted', code: 'FROM alpine:3.20', options: { trustedRegistries: ['quay.io'] }, errors: [[1, 6, 1, 17]] },
  ],
});
