import rule from '../../../../src/core/dockerfile/rules/unknown-instruction';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nRUN true\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM'],
  invalid: [
    { code: 'FROM node:22\nCOPPY . /app', errors: [[2, 1, 2, 6]] },
    { name: 'forgotten continuation', code: 'FROM debian:12\nRUN apt-get update &&\n  apt-get install -y curl', errors: [[3, 3, 3, 10]] },
  ],
});
