import rule from '../../../../src/core/dockerfile/rules/copy-ignored-file';
import { ruleTester } from '../rule-tester';

const dockerignore = '# build output\nnode_modules\n*.log\n**/*.secret\nconfig/\n!config/default.json\n';

ruleTester(rule, {
  valid: [
    { code: 'FROM node:22\nCOPY package.json server.js /app/', options: { dockerignore } },
    { name: 'an exception re-includes a file', code: 'FROM node:22\nCOPY config/default.json /app/', options: { dockerignore } },
    { name: 'wildcards and variables are not judged', code: 'FROM node:22\nARG F=x.log\nCOPY *.log $F /app/', options: { dockerignore } },
    { name: 'from another stage: not the build context', code: 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b /app/node_modules /app/', options: { dockerignore } },
    { name: 'unknown .dockerignore', code: 'FROM node:22\nCOPY app.log /app/' },
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY app.log /app/', options: { dockerignore }, errors: [[2, 6, 2, 13]] },
    { name: 'inside an excluded folder, and ** in any folder', code: 'FROM node:22\nCOPY config/prod.json keys/api.secret /app/', options: { dockerignore }, errors: [[2, 6, 2, 22], [2, 23, 2, 38]] },
    { name: 'a whole excluded folder', code: 'FROM node:22\nADD ./node_modules /app/node_modules', options: { dockerignore }, errors: [[2, 5, 2, 19]] },
  ],
});
