import rule from '../../../../src/core/dockerfile/rules/apt-list-cleanup';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    'FROM debian:12\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean',
    { name: 'cache mount', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl' },
    {
      name: 'docker-clean removed, both apt caches mounted',
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl',
    },
    {
      name: 'docker-clean removed, lists mounted, downloads cleaned',
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl && apt-get clean',
    },
    { name: 'aptitude cleanup', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*' },
    {
      name: 'builder stage only copied from',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /app /app',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
      errors: [[2, 13, 2, 19]],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    },
    { name: 'a removal before the update cleans nothing', code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl', errors: [[2, 44, 2, 50]] },
    { name: 'aptitude', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl', errors: [[2, 14, 2, 20]] },
    {
      name: 'docker-clean removed in a base stage, only the lists mounted',
      code: 'FROM debian:12 AS base\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nFROM base\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl',
      errors: [[4, 70, 4, 77]],
      output:
        'FROM debian:12 AS base\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nFROM base\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl && apt-get clean',
    },
    {
      name: 'base stage of the final stage ships its layers',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base',
      errors: [[2, 13, 2, 19]],
    },
    {
      name: 'heredoc: no fix',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF',
      errors: [[3, 9, 3, 15]],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF',
    },
  ],
});
