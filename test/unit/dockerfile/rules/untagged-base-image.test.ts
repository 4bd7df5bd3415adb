import rule from '../../../../src/core/dockerfile/rules/untagged-base-image';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22', 'FROM scratch', 'FROM golang:1.23 AS build\nFROM build', 'ARG BASE\nFROM $BASE', 'FROM node@sha256:abc'],
  invalid: [
    { code: 'FROM node', errors: [[1, 6, 1, 10]] },
    { code: 'FROM  docker.io/library/ubuntu AS base', errors: [[1, 7, 1, 31]] },
    { name: 'ARG default without tag', code: 'ARG BASE=debian\nFROM ${BASE}', errors: [[2, 6, 2, 13]] },
  ],
});
