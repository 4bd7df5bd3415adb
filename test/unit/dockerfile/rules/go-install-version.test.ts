import rule from '../../../../src/core/dockerfile/rules/go-install-version';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0',
    'FROM golang:1.23\nRUN go install ./cmd/app',
    'FROM golang:1.23\nRUN go install',
    'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo ./...',
    'FROM golang:1.23\nRUN go build -o /app github.com/org/app',
  ],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv', errors: [[2, 16, 2, 49]] },
    { code: 'FROM golang:1.23\nRUN go install -v honnef.co/go/tools/cmd/staticcheck@latest', errors: [[2, 19, 2, 60]] },
  ],
});
