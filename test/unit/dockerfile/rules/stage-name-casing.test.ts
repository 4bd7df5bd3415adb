import rule from '../../../../src/core/dockerfile/rules/stage-name-casing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20 AS build-stage', 'FROM alpine:3.20', 'FROM Alpine:3.20 AS x'],
  invalid: [{ code: 'FROM alpine:3.20 AS BuildStage\nRUN true', errors: [[1, 21, 1, 31]], output: 'FROM alpine:3.20 AS buildstage\nRUN true' }],
});
