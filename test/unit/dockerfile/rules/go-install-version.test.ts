import rule from '../../../../src/core/dockerfile/rules/go-install-version';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0',
    'FROM golang:1.23\nRUN go install ./cmd/app',
    'FROM golang:1.23\nRUN go install',
    'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo ./...',
    'FROM golang:1.23\nRUN go build -o /app github.com/org/app',
    { name: 'flag values are not packages', code: 'FROM golang:1.23\nRUN go install -tags example.com/tag ./cmd/app' },
    { name: 'go get pinned', code: 'FROM golang:1.23\nRUN go get example.com/pkg@v1.2.3' },
    { name: 'go get -tool pinned', code: 'FROM golang:1.23\nRUN go get -tool foobar@v1.2.3' },
    { name: 'go get of local packages and patterns', code: 'FROM golang:1.23\nRUN go get -d -v ./... && go get -u all' },
    { name: 'go get removing a dependency', code: 'FROM golang:1.23\nRUN go get example.com/old@none' },
    { name: 'go run pinned, then program arguments', code: 'FROM golang:1.23\nRUN go run example.com/pkg@v1.2.3 --foo bar example.com/x' },
    { name: 'go run of local code', code: 'FROM golang:1.23\nRUN go run . && go run ./app/foobar && go run main.go util.go' },
  ],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv', errors: [[2, 16, 2, 49]] },
    { code: 'FROM golang:1.23\nRUN go install -v honnef.co/go/tools/cmd/staticcheck@latest', errors: [[2, 19, 2, 60]] },
    { name: 'go get unpinned', code: 'FROM golang:1.23\nRUN go get example.com/pkg', errors: [[2, 12, 2, 27]] },
    { name: 'go get @latest', code: 'FROM golang:1.23\nRUN go get example.com/pkg@latest', errors: [[2, 12, 2, 34]] },
    { name: 'go get @upgrade', code: 'FROM golang:1.23\nRUN go get -u example.com/pkg@upgrade', errors: [[2, 15, 2, 38]] },
    { name: 'go get -tool', code: 'FROM golang:1.23\nRUN go get -tool foobar', errors: [[2, 18, 2, 24]] },
    { name: 'go get -tool @latest', code: 'FROM golang:1.23\nRUN go get -tool foobar@latest', errors: [[2, 18, 2, 31]] },
    { name: 'go run unpinned', code: 'FROM golang:1.23\nRUN go run example.com/pkg', errors: [[2, 12, 2, 27]] },
    { name: 'go run @latest with a flag value before', code: 'FROM golang:1.23\nRUN go run -tags netgo example.com/pkg@latest -v', errors: [[2, 24, 2, 46]] },
  ],
});
