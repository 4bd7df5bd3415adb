import rule from '../../../../src/core/dockerfile/rules/no-latest-tag';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22-alpine',
    'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'FROM node:22 AS latest\nFROM latest',
    'ARG TAG\nFROM node:$TAG',
  ],
  invalid: [
    { code: 'FROM node:latest', errors: [[1, 11, 1, 17]] },
    { code: 'FROM registry.example.com:5000/team/app:latest AS build', errors: [[1, 41, 1, 47]] },
    { name: 'resolved from a global ARG', code: 'ARG TAG=latest\nFROM node:${TAG}', errors: [[2, 6, 2, 17]] },
    { code: 'FROM golang:1.23 AS build\nFROM alpine:latest', errors: [[2, 13, 2, 19]] },
  ],
});
