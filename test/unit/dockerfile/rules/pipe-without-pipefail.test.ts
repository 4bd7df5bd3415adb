import rule from '../../../../src/core/dockerfile/rules/pipe-without-pipefail';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN set -o pipefail && wget -O - https://example.com/x.tgz | tar xz',
    'FROM alpine:3.20\nRUN set -euxo pipefail; curl -fsSL https://example.com | tar xz',
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com | tar xz',
    {
      name: 'SHELL inherited from a base stage',
      code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com | tar xz',
    },
    { name: 'sh with -o pipefail', code: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com | wc -l' },
    { name: 'echo cannot fail', code: 'FROM debian:12\nRUN echo "$SHA256 *go.tgz" | sha256sum -c -' },
    { name: 'echo block', code: 'FROM debian:12\nRUN { echo a; echo b; } | tee /etc/x.conf' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item' },
    'FROM debian:12\nRUN a || b',
    { name: 'heredoc with a non-shell interpreter', code: 'FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz', errors: [[2, 42, 2, 43]] },
    { name: 'pipefail set after the pipe', code: 'FROM debian:12\nRUN wget -qO- x | sh; set -o pipefail', errors: [[2, 17, 2, 18]] },
    { name: 'inside a command substitution', code: 'FROM debian:12\nRUN arch="$(dpkg --print-architecture | cut -d- -f1)"', errors: [[2, 39, 2, 40]] },
    { name: 'an empty SHELL does not crash the rule', code: 'FROM debian:12\nSHELL []\nRUN a | b', errors: [[3, 7, 3, 8]] },
    { name: 'heredoc body', code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSL https://example.com/x.tgz | tar xz\nEOF', errors: [[3, 38, 3, 39]] },
    {
      name: 'a later SHELL without pipefail drops it',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN c | d',
      errors: [[5, 7, 5, 8]],
    },
    { name: 'one finding per RUN', code: 'FROM debian:12\nRUN a | b && c | d', errors: [[2, 7, 2, 8]] },
  ],
});
