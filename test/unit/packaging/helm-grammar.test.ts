/**
 * The Helm template grammar (syntaxes/helm-template.tmLanguage.json) tokenized by the engine VS Code
 * uses (vscode-textmate + vscode-oniguruma), embedding VS Code's own YAML grammar, taken from the
 * code-server the integration tests install. Without that install the YAML grammar is an empty stand-in:
 * the Go template assertions still run, the ones about the YAML around the actions are skipped.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { REPO_ROOT } from '../shared-data';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const language = (manifest.contributes.languages as { id: string; filenamePatterns: string[]; configuration: string }[]).find((l) => l.id === 'helm');
const grammarEntry = (manifest.contributes.grammars as { language: string; scopeName: string; path: string }[]).find((g) => g.language === 'helm');

/** Where run.mjs finds code-server (SHIPSHAPE_CODE_SERVER_DIR, this checkout's .vscode-test, the machine cache). */
function yamlSyntaxesDir(): string | undefined {
  const candidates = [
    process.env.SHIPSHAPE_CODE_SERVER_DIR,
    join(REPO_ROOT, '.vscode-test', 'code-server'),
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'shipshape', 'code-server-4.100.3'),
  ].filter((d): d is string => Boolean(d));
  return candidates
    .map((d) => join(d, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml', 'syntaxes'))
    .find((d) => existsSync(join(d, 'yaml.tmLanguage.json')));
}

const YAML_DIR = yamlSyntaxesDir();
const NO_YAML = YAML_DIR ? false : "VS Code's YAML grammar is not installed (run the integration tests once to install code-server)";

let grammar: IGrammar;

before(async () => {
  assert.ok(grammarEntry, 'package.json contributes no grammar for the helm language');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = { [grammarEntry.scopeName]: join(REPO_ROOT, grammarEntry.path) };
  if (YAML_DIR) {
    files['source.yaml'] = join(YAML_DIR, 'yaml.tmLanguage.json');
    for (const v of ['1.0', '1.1', '1.2', '1.3']) files[`source.yaml.${v}`] = join(YAML_DIR, `yaml-${v}.tmLanguage.json`);
    files['source.yaml.embedded'] = join(YAML_DIR, 'yaml-embedded.tmLanguage.json');
  }
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope: string) => {
      if (files[scope]) return parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]);
      // The stand-in: plain text around the actions.
      if (scope === 'source.yaml') return parseRawGrammar(JSON.stringify({ scopeName: 'source.yaml', patterns: [] }), 'yaml.json');
      return null;
    },
  });
  const loaded = await registry.loadGrammar(grammarEntry.scopeName);
  assert.ok(loaded, `${grammarEntry.path} did not load`);
  grammar = loaded;
});

interface Token {
  line: number;
  start: number;
  end: number;
  scopes: string[];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) tokens.push({ line: index, start: t.startIndex, end: Math.min(t.endIndex, line.length), scopes: t.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

/** The tokens covering the `occurrence`-th `needle` of `text` (it must not span lines). */
function tokensOf(text: string, tokens: Token[], needle: string, occurrence = 0): Token[] {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `'${needle}' (occurrence ${occurrence}) is not in the sample`);
  }
  const line = text.slice(0, offset).split('\n').length - 1;
  const start = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const end = start + needle.length;
  return tokens.filter((t) => t.line === line && t.start < end && t.end > start);
}

/** [needle, scope it has (or, with a leading '!', does not have), occurrence]. */
type Expectation = [needle: string, scope: string, occurrence?: number];

interface Case {
  name: string;
  text: string;
  expect: Expectation[];
  /** Expectations about the YAML grammar's scopes (skipped without it). */
  yaml?: Expectation[];
}

const ACTION = 'meta.embedded.action.helm';

const CASES: Case[] = [
  {
    name: '{{- if .Values.enabled }}: trim marker, keyword, built-in object, field',
    text: '{{- if .Values.enabled }}\nkind: ConfigMap\n{{- end }}\n',
    expect: [
      ['{{', 'punctuation.section.embedded.begin.helm'],
      ['-', 'punctuation.section.embedded.trim.helm'],
      ['if', 'keyword.control.helm'],
      ['Values', 'variable.language.helm'],
      ['enabled', 'variable.other.property.helm'],
      ['}}', 'punctuation.section.embedded.end.helm'],
      ['end', 'keyword.control.helm'],
      ['kind', `!${ACTION}`],
    ],
    yaml: [['kind', 'entity.name.tag.yaml']],
  },
  {
    name: '{{/* comment */}}, also trimmed, also holding }}, and the YAML after it',
    text: '{{/* the labels: }} and {{ are fine here */}}\n{{- /* trimmed */ -}}\nname: x\n',
    expect: [
      ['{{/*', 'comment.block.helm'],
      ['the labels: }} and {{ are fine here', 'comment.block.helm'],
      ['the labels: }} and {{ are fine here', `!${ACTION}`],
      ['*/}}', 'comment.block.helm'],
      ['-', 'punctuation.definition.comment.trim.helm', 0],
      ['trimmed', 'comment.block.helm'],
      ['name', '!comment.block.helm'],
    ],
    yaml: [['name', 'entity.name.tag.yaml']],
  },
  {
    name: '{{ include "x.labels" . | nindent 4 }}: function, template name, dot, pipe, number',
    text: 'metadata:\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n',
    expect: [
      ['include', 'support.function.helm'],
      ['x.labels', 'entity.name.function.helm'],
      ['x.labels', 'string.quoted.double.helm'],
      [' . ', ACTION],
      ['.', 'variable.language.dot.helm', 1],
      ['|', 'keyword.operator.pipe.helm'],
      ['nindent', 'support.function.helm'],
      ['4', 'constant.numeric.helm'],
    ],
    yaml: [['labels', 'entity.name.tag.yaml']],
  },
  {
    name: 'name: {{ .Release.Name }}-svc: the key stays a YAML key, the text after the action YAML',
    text: 'metadata:\n  name: {{ .Release.Name }}-svc\n',
    expect: [
      ['name', `!${ACTION}`],
      ['Release', 'variable.language.helm'],
      ['Name', 'variable.other.property.helm'],
      ['-svc', `!${ACTION}`],
    ],
    yaml: [
      ['name', 'entity.name.tag.yaml'],
      ['-svc', 'string.unquoted.plain.out.yaml'],
    ],
  },
  {
    name: '{{ $x := .Values.a }}: variable and assignment; $.Values is the built-in object, $x.Values a field',
    text: '{{ $x := .Values.a }}{{ $.Values.b }}{{ $x.Values }}\n',
    expect: [
      ['$x', 'variable.other.helm'],
      [':=', 'keyword.operator.assignment.helm'],
      ['Values', 'variable.language.helm', 0],
      ['a', 'variable.other.property.helm', 1], // the first a is in Values
      ['$', 'variable.other.helm', 1],
      ['Values', 'variable.language.helm', 1],
      ['Values', 'variable.other.property.helm', 2],
    ],
  },
  {
    name: '{{ define "x" }} in _helpers.tpl: keyword, defined name, trimmed both sides',
    text: '{{/*\nThe chart name.\n*/}}\n{{- define "x.name" -}}\n{{ default .Chart.Name .Values.nameOverride | trunc 63 }}\n{{- end }}\n',
    expect: [
      ['The chart name.', 'comment.block.helm'],
      ['define', 'keyword.control.helm'],
      ['x.name', 'entity.name.function.helm'],
      ['-', 'punctuation.section.embedded.trim.helm', 1],
      ['default', 'support.function.helm'],
      ['Chart', 'variable.language.helm'],
      ['63', 'constant.numeric.helm'],
    ],
  },
  {
    name: 'a quoted string holding }} does not end the action',
    text: 'data:\n  s: {{ "a }} b" | quote }}\n',
    expect: [
      ['a }} b', 'string.quoted.double.helm'],
      ['quote', 'support.function.helm'],
      ['quote', ACTION],
      ['}}', 'punctuation.section.embedded.end.helm', 1],
    ],
  },
  {
    name: 'actions inside a YAML double-quoted string and a block scalar, and after a YAML comment sign',
    text: 'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\ndata:\n  app.yaml: |\n    {{- toYaml .Values.config | nindent 4 }}\n# {{ .Values.note }}\n',
    expect: [
      ['repository', 'variable.other.property.helm'],
      ['tag', 'variable.other.property.helm'],
      ['toYaml', 'support.function.helm'],
      ['note', 'variable.other.property.helm'],
    ],
    yaml: [
      [':', 'string.quoted.double.yaml', 1],
      ['repository', 'string.quoted.double.yaml'],
      ['toYaml', 'string.unquoted.block.yaml'],
      ['note', 'comment.line.number-sign.yaml'],
    ],
  },
  {
    name: 'an action over several lines, raw strings, characters, constants and a number that is not a trim marker',
    text: '{{- include "x" (dict\n    "a" 1 "b" `raw }} text`) | nindent 2 }}\n{{-3}} {{ \'a\' }} {{ nil }} {{ true }} {{ .x -}}\n',
    expect: [
      ['dict', 'support.function.helm'],
      ['"a"', 'string.quoted.double.helm'],
      ['"a"', ACTION],
      ['raw }} text', 'string.quoted.raw.helm'],
      [')', 'punctuation.section.parens.end.helm'],
      ['nindent', 'support.function.helm'],
      ['-3', 'constant.numeric.helm'],
      ["'a'", 'constant.character.helm'],
      ['nil', 'constant.language.helm'],
      ['true', 'constant.language.helm'],
      ['-', 'punctuation.section.embedded.trim.helm', 2],
      ['-', '!punctuation.section.embedded.trim.helm', 1],
    ],
  },
];

function check(text: string, expectations: Expectation[]): void {
  const tokens = tokenize(text);
  for (const [needle, want, occurrence = 0] of expectations) {
    const covering = tokensOf(text, tokens, needle, occurrence);
    assert.ok(covering.length > 0, `no token covers '${needle}'`);
    const negated = want.startsWith('!');
    const scope = negated ? want.slice(1) : want;
    for (const t of covering) {
      assert.equal(t.scopes.includes(scope), !negated, `'${needle}' (#${occurrence}): token ${t.line}:${t.start}-${t.end} has scopes ${t.scopes.join(' ')}; expected ${want}`);
    }
  }
}

for (const c of CASES) {
  test(`Helm grammar: ${c.name}`, () => check(c.text, c.expect));
  if (c.yaml) test(`Helm grammar in YAML: ${c.name}`, { skip: NO_YAML }, () => check(c.text, c.yaml!));
}

/** A VS Code glob (`**` any folders, `*` within a name) as a regular expression over a relative path. */
function globRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

test('the helm language takes the files of a chart\'s templates/, and nothing else', () => {
  assert.ok(language, 'package.json contributes no helm language');
  const isHelm = (path: string) => language.filenamePatterns.some((p) => globRegExp(p).test(path));
  for (const path of ['web/templates/deployment.yaml', 'web/templates/svc.yml', 'web/templates/_helpers.tpl', 'web/templates/NOTES.txt', 'web/templates/tests/test-connection.yaml', 'web/charts/db/templates/db.yaml']) {
    assert.ok(isHelm(path), path);
  }
  for (const path of ['web/values.yaml', 'web/Chart.yaml', 'web/values.schema.json', 'k8s/deployment.yaml', 'web/templates/README.md', 'web/templates.yaml']) {
    assert.ok(!isHelm(path), path);
  }
});

test('the language configuration comments with # and {{/* */}} and pairs {{ with }}', () => {
  assert.ok(language);
  const config = JSON.parse(readFileSync(join(REPO_ROOT, language.configuration), 'utf8'));
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.comments.blockComment, ['{{/*', '*/}}']);
  assert.ok((config.brackets as string[][]).some(([open, close]) => open === '{{' && close === '}}'));
});

test('the .vsix ships the grammar and the language configuration (vsce ls, as packaging lists it)', () => {
  assert.ok(language && grammarEntry);
  const listed = execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
  for (const path of [grammarEntry.path, language.configuration]) assert.ok(listed.includes(path.replace(/^\.\//, '')), `${path} is not packaged`);
});
