import rule from '../../../../src/core/dockerfile/rules/use-add-for-archives';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nADD app.tar.gz /opt/app/',
    { name: 'archive kept as a file', code: 'FROM alpine:3.20\nCOPY backup.tar.gz /backups/' },
    { name: 'another archive is extracted', code: 'FROM alpine:3.20\nCOPY a.tar.gz /tmp/\nRUN tar -xzf /tmp/b.tar.gz' },
    { name: 'creating, not extracting', code: 'FROM alpine:3.20\nCOPY x.tar.gz /tmp/\nRUN tar -czf /out/x.tar.gz /data' },
    { name: 'copied from another stage', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /a.tgz /tmp/\nRUN tar xzf /tmp/a.tgz' },
    { name: 'renamed, another archive extracted', code: 'FROM alpine:3.20\nCOPY a.tar /foo.tar\nRUN tar -xf /a.tar' },
    { name: 'other stage', code: 'FROM alpine:3.20\nCOPY a.tgz /tmp/\nFROM alpine:3.20\nRUN tar xzf /tmp/a.tgz' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz', errors: [[2, 6, 2, 16]] },
    { name: 'copied under another name', code: 'FROM alpine:3.20\nCOPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar', errors: [[2, 6, 2, 30]] },
    { name: 'old-style mode word', code: 'FROM alpine:3.20\nCOPY ./dist/site.tgz /tmp/site.tgz\nRUN tar xzf /tmp/site.tgz -C /srv', errors: [[2, 6, 2, 21]] },
  ],
});
