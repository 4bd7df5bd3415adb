/**
 * Our argument and flag split (parse/arguments.ts) against dockerfile-ast's own accessors: the same
 * values and offsets for every instruction of the real Dockerfiles in ../shared, and of variants with
 * CRLF line endings, the backtick escape and awkward continuations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Flag, type Instruction } from 'dockerfile-ast';
import { buildModel } from '../../../src/core/dockerfile/model/build-model';
import { LineIndex } from '../../../src/core/text/lines';
import { sharedPath } from '../shared-data';

function reference(text: string) {
  const lines = new LineIndex(text);
  const at = (p: { line: number; character: number }) => lines.offsetAt(p);
  return DockerfileParser.parse(text)
    .getInstructions()
    .map((i: Instruction) => {
      const withFlags = i as Instruction & { getFlags?: () => Flag[] };
      return {
        args: i.getArguments().map((a) => [a.getValue(), at(a.getRange().start), at(a.getRange().end)]),
        flags: (withFlags.getFlags?.() ?? []).map((f) => [f.getName(), f.getValue() ?? undefined, at(f.getNameRange().start), f.getValueRange() ? at(f.getValueRange()!.start) : undefined]),
      };
    });
}

function ours(text: string) {
  return buildModel(text).instructions.map((i) => ({
    args: i.args.map((a) => [a.value, a.start, a.end]),
    flags: i.flags.map((f) => [f.name, f.value, f.nameStart, f.valueStart]),
  }));
}

const corpus = readdirSync(sharedPath('corpus/dockerfiles'))
  .filter((f) => f.endsWith('Dockerfile'))
  .map((f) => [f, readFileSync(sharedPath('corpus/dockerfiles', f), 'utf8')] as const);

test(`arguments and flags equal dockerfile-ast's on every corpus instruction (${corpus.length} files)`, () => {
  for (const [file, text] of corpus) assert.deepEqual(ours(text), reference(text), file);
});

test('the same under CRLF line endings', () => {
  for (const [file, text] of corpus) {
    const crlf = text.replace(/\r?\n/g, '\r\n');
    assert.deepEqual(ours(crlf), reference(crlf), file);
  }
});

const awkward = [
  'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN --mount=type=cache,target=/x --network=none go build',
  'RUN a \\\n  b \\ \n  c\\\n# comment inside\n  d \\\n\n  e',
  '# escape=`\nRUN a `\n  b ``\nCOPY --chown=1:1 c:\\\\x d',
  'COPY --from=build --chmod=755 \\\n  /a /b\nADD --checksum=sha256:abc https://x/y.tgz /z',
  'HEALTHCHECK --interval=5s --timeout=3s CMD curl -f http://localhost/ || exit 1',
  'ENV A=1 B="two words" C=three\\ words\nLABEL x="y" \\\n  z=w',
  'RUN echo $HOME \\$HOME "a\\"b"\nCMD ["a", "b c"]\nENTRYPOINT [ "x" ]',
  'RUN <<EOF bash\nset -e\necho hi\nEOF\nCOPY <<EOF /etc/x\ncontent\nEOF',
  'RUN --mount=type=secret,id=npm, npm ci\nCOPY --link= --exclude=*.md . /app',
  'ONBUILD RUN --mount=type=cache,target=/x make\nONBUILD COPY --from=a /b /c',
  'RUN a\\\t\n  b',
];
for (const text of awkward) {
  test(`awkward input matches dockerfile-ast: ${JSON.stringify(text).slice(0, 60)}`, () => assert.deepEqual(ours(text), reference(text)));
}
