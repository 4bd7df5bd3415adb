import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { explainDecline, fastCompose } from '../../../src/core/yaml/fast-compose';
import { splitDocuments } from '../../../src/core/yaml/chunks';
import { parseYamlFile, yamlParseOptions, type YamlVersion } from '../../../src/core/yaml/parse';

const SHARED = resolve(__dirname, '../../../../shared');

/** What our code can observe of a node tree: classes, ranges, scalar types/values/sources, formats, key order. */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 5) return;
  const ca = (a as object | null)?.constructor?.name;
  const cb = (b as object | null)?.constructor?.name;
  if (ca !== cb) {
    out.push(`${path}: ${ca} vs ${cb}`);
    return;
  }
  if (a === null || typeof a !== 'object') {
    if (!Object.is(a, b)) out.push(`${path}: ${String(a)} vs ${String(b)}`);
    return;
  }
  if (isPair(a) && isPair(b)) {
    differences(a.key, b.key, `${path}.key`, out);
    differences(a.value, b.value, `${path}.value`, out);
    return;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const f of ['range', 'type', 'source', 'format', 'flow', 'tag', 'anchor']) {
    if (JSON.stringify(x[f]) !== JSON.stringify(y[f])) out.push(`${path}.${f}: ${JSON.stringify(x[f])} vs ${JSON.stringify(y[f])}`);
  }
  if (isScalar(a)) {
    const bv = (b as { value: unknown }).value;
    if (!Object.is(a.value, bv)) out.push(`${path}.value: ${JSON.stringify(a.value)} vs ${JSON.stringify(bv)}`);
  } else if (isMap(a) || isSeq(a)) {
    const items = (b as { items: unknown[] }).items;
    if (a.items.length !== items.length) out.push(`${path}: ${a.items.length} vs ${items.length} items`);
    else a.items.forEach((item, i) => differences(item, items[i], `${path}[${i}]`, out));
  }
}

/** How the fast document differs from the library's for the same chunk (empty: equal in all we read). */
function compare(source: string, version: YamlVersion, fast: Document.Parsed): string[] {
  const docs = Array.from(parseAllDocuments(source, yamlParseOptions(version)) as Iterable<Document.Parsed>);
  if (docs.length !== 1) return [`library made ${docs.length} documents`];
  const lib = docs[0];
  const out: string[] = [];
  if (lib.errors.length + lib.warnings.length > 0) out.push(`library reported ${[...lib.errors, ...lib.warnings].map((e) => e.code).join(', ')}`);
  if (fast.errors.length + fast.warnings.length > 0) out.push('fast document has errors');
  if (JSON.stringify(fast.range) !== JSON.stringify(lib.range)) out.push(`doc.range ${JSON.stringify(fast.range)} vs ${JSON.stringify(lib.range)}`);
  if (fast.directives.docStart !== lib.directives.docStart) out.push('directives.docStart');
  if (JSON.stringify(fast.options) !== JSON.stringify(lib.options)) out.push('options');
  differences(fast.contents, lib.contents, '$', out);
  if (JSON.stringify(fast.toJS()) !== JSON.stringify(lib.toJS())) out.push('toJS differs');
  return out;
}

// [name, text, accepted?]: each construct of the subset, and each reason to decline.
const cases: [string, string, boolean][] = [
  ['block mapping', 'apiVersion: v1\nkind: Pod\n', true],
  ['nested mapping', 'a:\n  b:\n    c: 1\n  d: x\ne: y\n', true],
  ['sequence', '- a\n- b\n- 3\n', true],
  ['sequence under a key, same indent', 'a:\n- x\n- y\nb: 1\n', true],
  ['sequence under a key, indented', 'a:\n  - x\n  - y\nb: 1\n', true],
  ['compact mapping in a sequence', 'a:\n- name: x\n  value: 1\n- name: y\n', true],
  ['sequence of sequences', '- - a\n  - b\n- - c\n', true],
  ['empty values', 'a:\nb:   \nc:\n  d:\n\n\ne: 1\n', true],
  ['plain scalar over lines', 'a: one\n  two\n\n  three  \nb: "x"\n', true],
  ['plain continuation starting with an indicator', 'a: one\n  "two" - [three]\nb: 1\n', true],
  ['quoted scalars', `a: "x \\"y\\" \\u00e9\\n"\nb: 'it''s'\nc: ""\n`, true],
  ['quoted over lines', `a: 'one\n  two\n\n  three'\nb: "x\n  y \\\n  z"\n`, true],
  ['literal block scalars', 'a: |\n  x\n\n  y\n\n\nb: |-\n  z\nc: |+\n  w\n\nd: 1\n', true],
  ['folded block scalars', 'a: >\n  x\n  y\n\n  z\n    more\nb: >-\n  w\n', true],
  ['block scalar in a sequence', '- |\n  x\n- y\n', true],
  ['flow collections', 'a: [x, "y", {k: v, m: [1, 2]}]\nb: {}\nc: []\nd: {a: 1} # c\n', true],
  ['trailing comments', 'a: 1 # one\nb: [x] # two\nc: "y"   # three\n', true],
  ['comment right after key:', 'a: # c\n  b: 1\n', false],
  ['comments between items', '# head\na: 1\n# c\nb:\n  # under b\n  c: 2\n  # between\n  d: 3\n', true],
  ['comment more indented than its map (joins the value)', 'a: 1\n  # joins 1\nb:\n  c: 2\n\n    # joins 2\nd: 3\n', true],
  ['comments ending a nested map (kept or passed up)', 'a:\n  b: 1\n  # kept in a\nc:\n  d: 1\n# passed up\ne:\n  f:\n    g: 1\n    # at 4\n  # at 2\nh: 1\n', true],
  ['comments at the end', 'a:\n  b: 1\n# tail\n\n', true],
  ['document marker and prelude', '# about\n---\na: 1\n', true],
  ['marker with trailing spaces', '---   \na: 1\n', true],
  ['trailing spaces', 'a: b   \nc:  d  \n', true],
  ['no final newline', 'a: 1', true],
  ['YAML 1.1 scalars', 'a: yes\nb: 0o7\nc: 1_000\nd: 0444\ne: ~\nf: 1e3\ng: .inf\nh: 0x1F\ni: 12:30\n', true],
  ['duplicate key (uniqueKeys: false: no library error; markDuplicateKeys adds it)', 'a: 1\na: 2\n', true],
  ['alias', 'a: &x 1\nb: *x\n', false],
  ['anchor only', 'a: &x 1\n', false],
  ['tag', 'a: !!str 1\n', false],
  ['tab in indentation', 'a:\n\tb: 1\n', false],
  ['explicit key', '? a\n: 1\n', false],
  ['merge key', 'a: {x: 1}\n<<: {y: 2}\n', false],
  ['block scalar indentation indicator', 'a: |2\n   x\n', false],
  ['block scalar header comment', 'a: | # c\n  x\n', false],
  ['block scalar with a whitespace-only line', 'a: |\n  x\n  \n  y\n', false],
  ['unterminated quote', 'a: "x\n', false],
  ['CRLF line ends', 'a: 1\r\nb: 2\r\n', false],
  ['BOM', '\ufeffa: 1\n', false],
  ['directive', '%YAML 1.1\n---\na: 1\n', false],
  ['document end marker', 'a: 1\n...\n', false],
  ['empty sequence item', '- \n- a\n', false],
  ['comment after an empty value', 'a:\n# c\nb: 1\n', false],
  ['root scalar', 'just text\n', false],
  ['root flow collection', '{"a": 1}\n', false],
  ['flow collection over lines', 'a: [1,\n  2]\n', false],
  ['space before a flow comma', 'a: [x , y]\n', false],
  ['key: value: value', 'a: b: c\n', false],
  ['bad indentation', 'a: 1\n  b: 2\n', false],
  ['key with a space before its colon', 'a : 1\n', false],
  ['only comments', '# nothing\n', false],
  ['invalid escape', 'a: "\\q"\n', false],
];

for (const version of ['1.1', '1.2'] as const) {
  test(`fast-compose, YAML ${version}: each construct equals the library's document, each doubtful input declines`, () => {
    for (const [name, text, accepted] of cases) {
      const fast = fastCompose(text, yamlParseOptions(version));
      assert.equal(fast !== undefined, accepted, `${name}: ${accepted ? `declined at ${explainDecline(text, yamlParseOptions(version))}` : 'accepted'}`);
      if (fast) assert.deepEqual(compare(text, version, fast), [], name);
    }
  });
}

test('parse.ts through the fast path: same values, same duplicate-key errors as through the library', () => {
  const file = parseYamlFile('a: 1\na: 2\nb: [x, {c: yes}]\n---\nkind: Pod\nmetadata: {name: p}\n');
  assert.equal(file.documents.length, 2);
  assert.deepEqual(file.documents[0].value, { a: 2, b: ['x', { c: true }] });
  assert.deepEqual(file.documents[0].doc.errors.map((e) => [e.code, e.pos[0]]), [['DUPLICATE_KEY', 5]]);
  assert.equal(file.documents[1].kind, 'Pod');
  assert.equal(file.documents[1].name, 'p');
  // A declined chunk still parses as before (here with the library's error).
  const bad = parseYamlFile('a: "x\n');
  assert.ok(bad.documents[0].doc.errors.length > 0);
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

test('every chunk of ../shared the fast path accepts equals the library document', { skip: !existsSync(SHARED) && 'needs ../shared' }, () => {
  let chunks = 0;
  let bytes = 0;
  let taken = 0;
  let takenBytes = 0;
  let yamlBytes = 0;
  let yamlTaken = 0;
  const failures: string[] = [];
  for (const path of yamlFiles(SHARED)) {
    const text = readFileSync(path, 'utf8');
    const isJson = path.endsWith('.json');
    // Compose files are read as YAML 1.2, everything else as 1.1 (validate.ts).
    const version: YamlVersion = /compose/.test(path) ? '1.2' : '1.1';
    for (const chunk of splitDocuments(text)) {
      chunks++;
      bytes += chunk.source.length;
      if (!isJson) yamlBytes += chunk.source.length;
      const fast = fastCompose(chunk.source, yamlParseOptions(version));
      if (!fast) continue;
      taken++;
      takenBytes += chunk.source.length;
      if (!isJson) yamlTaken += chunk.source.length;
      const d = compare(chunk.source, version, fast);
      if (d.length > 0) failures.push(`${path} @${chunk.start}: ${d.slice(0, 3).join(' | ')}`);
    }
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `fast path took ${taken} of ${chunks} chunks, ${pct(takenBytes, bytes)} of ${(bytes / 1e6).toFixed(1)} MB ` +
      `(${pct(yamlTaken, yamlBytes)} of the ${(yamlBytes / 1e6).toFixed(1)} MB of .yaml/.yml; .json files are flow documents, declined)`,
  );
  assert.deepEqual(failures.slice(0, 20), []);
  // The big CRDs are what the fast path is for: they must not fall back.
  assert.ok(yamlTaken > yamlBytes / 2, `fast path took only ${pct(yamlTaken, yamlBytes)} of the YAML`);
});
