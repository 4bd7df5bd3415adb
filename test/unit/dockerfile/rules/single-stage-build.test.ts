import rule from '../../../../src/core/dockerfile/rules/single-stage-build';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD ["/app"]',
    { name: 'toolchain image without a CMD', code: 'FROM golang:1.23\nRUN go build ./...' },
    { name: 'no build', code: 'FROM node:22-slim\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]' },
    {
      name: 'make and purge in one RUN',
      code: 'FROM debian:12\nRUN apt-get install -y gcc make && make && make install && apt-get purge -y gcc make\nCMD ["redis-server"]',
    },
    { name: 'npm run of another script', code: 'FROM node:22\nRUN npm run lint\nCMD ["node", "index.js"]' },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]', errors: [[3, 5, 3, 7]] },
    { code: 'FROM node:22\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]', errors: [[3, 15, 3, 18]] },
    { code: 'FROM maven:3-eclipse-temurin-21\nRUN mvn -B package\nENTRYPOINT ["java", "-jar", "target/app.jar"]', errors: [[2, 5, 2, 8]] },
  ],
});
