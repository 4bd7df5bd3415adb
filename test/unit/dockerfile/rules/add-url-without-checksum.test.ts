import rule from '../../../../src/core/dockerfile/rules/add-url-without-checksum';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/',
    'FROM alpine:3.20\nADD app.tar.gz /app',
    'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.1 /src',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/', errors: [[2, 5, 2, 33]] },
    { code: 'FROM alpine:3.20\nADD ["http://example.com/a", "/a"]', errors: [[2, 6, 2, 28]] },
  ],
});
