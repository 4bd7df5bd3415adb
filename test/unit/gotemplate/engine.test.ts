/**
 * Behaviour the Helm renderer relies on beyond Go's own tables: exact error locations across files
 * and {{define}}s, missingkey modes, re-entrant execution (include/tpl), limits on runaway
 * templates, methods and typed function parameters, and hostile input.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { executeTemplate, TemplateError, TemplateSet } from '../../../src/core/gotemplate/index';
import { goFunc, GoStruct, GoValue } from '../../../src/core/gotemplate/values';

function errorOf(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  assert.fail('expected a TemplateError');
}

describe('error messages name the file, line, column and executing template like Go', () => {
  // Go reports a field chain at its last field (.a.b is at .b), in UTF-8 bytes from the line start.
  test('an exec error inside a define names the file that holds the define', () => {
    const set = new TemplateSet({}, { missingkey: 'zero' });
    set.add('chart/templates/_helpers.tpl', '{{/* helpers */}}\n{{define "x.name"}}\n  {{ .a.b }}{{end}}');
    set.add('chart/templates/cm.yaml', 'name: {{ template "x.name" .Values }}');
    const e = errorOf(() => set.execute('chart/templates/cm.yaml', { Values: {} }));
    assert.equal(e.message, 'template: chart/templates/_helpers.tpl:3:7: executing "x.name" at <.a.b>: nil pointer evaluating interface {}.b');
    assert.deepEqual([e.templateName, e.line, e.column, e.executing, e.kind], ['chart/templates/_helpers.tpl', 3, 7, 'x.name', 'exec']);
  });

  test('the output written before an exec error is kept on the error, as Go leaves it in the writer', () => {
    const e = errorOf(() => executeTemplate('a{{ range .l }}<{{ . }}>{{ end }}{{ .l.x }}', { l: [1n, 2n] }));
    assert.equal(e.partialOutput, 'a<1><2>');
  });

  test('columns count UTF-8 bytes, as Go does', () => {
    const e = errorOf(() => executeTemplate('ünï {{ .x.y }}', { x: 'str' }, { name: 't' }));
    assert.equal(e.message, 'template: t:1:11: executing "t" at <.x.y>: can\'t evaluate field y in type interface {}');
  });

  const parseCases: [string, string][] = [
    ['{{ .x }', 'template: t:1: unexpected "}" in operand'],
    ['a\n{{ if .x }}\nb', 'template: t:3: unexpected EOF'],
    ['{{ nope 1 }}', 'template: t:1: function "nope" not defined'],
    ['{{ $x }}', 'template: t:1: undefined variable "$x"'],
    ['{{ break }}', 'template: t:1: {{break}} outside {{range}}'],
    ['{{ 1 | 2 }}', 'template: t:1: non executable command in pipeline stage 2'],
    ['{{ 99999999999999999999 }}', 'template: t:1: integer overflow: "99999999999999999999"'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: t:1: template: multiple definition of template "a"'],
  ];
  for (const [text, message] of parseCases) {
    test(`parse error: ${JSON.stringify(text)}`, () => {
      const e = errorOf(() => executeTemplate(text, null, { name: 't' }));
      assert.equal(e.kind, 'parse');
      assert.equal(e.message, message);
    });
  }
});

describe('missing values', () => {
  const cases: [string, 'default' | 'zero' | 'error', string][] = [
    ['{{ .a }}|{{ .a.b }}', 'default', '<no value>|<no value>'],
    ['{{ .a }}', 'zero', '<no value>'],
    ['{{ .n }}', 'default', '<no value>'],
    ['{{ print .a }}', 'default', '<nil>'],
    ['{{ index .m "zz" }}', 'default', '<no value>'],
    ['{{ if .a }}y{{ else }}n{{ end }}', 'error', 'error'],
  ];
  for (const [text, missingkey, expected] of cases) {
    test(`${text} with missingkey=${missingkey}`, () => {
      const data = { n: null, m: {} };
      if (expected === 'error') {
        assert.match(errorOf(() => executeTemplate(text, data, { missingkey })).message, /map has no entry for key "a"/);
      } else {
        assert.equal(executeTemplate(text, data, { missingkey }), expected);
      }
    });
  }

  test('missingkey=zero: a field of a missing value is an error (Helm trap)', () => {
    assert.match(errorOf(() => executeTemplate('{{ .a.b }}', {}, { missingkey: 'zero' })).message, /nil pointer evaluating interface \{\}\.b/);
  });
});

describe('re-entrant execution (include, tpl)', () => {
  function helmLikeSet(): TemplateSet {
    const holder: { set?: TemplateSet } = {};
    const include = goFunc('include', ['string', 'any'], (name, data) => holder.set!.execute(name as string, data));
    const tpl = goFunc('tpl', ['string', 'any'], (text, data) => holder.set!.executeText('tpl', text as string, data));
    holder.set = new TemplateSet({ include, tpl }, { missingkey: 'zero' });
    return holder.set;
  }

  test('include returns a string that can be piped, and its errors are wrapped like Go', () => {
    const set = helmLikeSet();
    set.add('h.tpl', '{{define "greet"}}hi {{ . }}{{end}}{{define "bad"}}{{ .x.y }}{{end}}');
    set.add('main', '{{ include "greet" "bob" | printf "%q" }}');
    assert.equal(set.execute('main', null), '"hi bob"');
    set.add('main2', '{{ include "bad" . }}');
    assert.equal(
      errorOf(() => set.execute('main2', {})).message,
      'template: main2:1:3: executing "main2" at <include "bad" .>: error calling include: template: h.tpl:1:56: executing "bad" at <.x.y>: nil pointer evaluating interface {}.y',
    );
  });

  test('tpl sees the set, and its own defines stay inside the call', () => {
    const set = helmLikeSet();
    set.add('h.tpl', '{{define "name"}}N{{end}}');
    set.add('main', '{{ tpl "{{define \\"local\\"}}L{{end}}{{ template \\"name\\" }}{{ template \\"local\\" }}-{{ .v }}" . }}');
    assert.equal(set.execute('main', { v: 'x' }), 'NL-x');
    assert.equal(set.has('local'), false);
  });

  test('tpl of an empty text renders nothing, even when named like an existing template', () => {
    const set = new TemplateSet({});
    set.add('file.yaml', 'whole file');
    assert.equal(set.executeText('file.yaml', '  ', null), '  ');
    assert.equal(set.executeText('file.yaml', '{{/* c */}}', null), '');
    assert.equal(set.execute('file.yaml', null), 'whole file');
  });

  test('a later non-empty define replaces an earlier one; an empty one does not', () => {
    const set = new TemplateSet({});
    set.add('a', '{{define "x"}}first{{end}}');
    set.add('b', '{{define "x"}}second{{end}}');
    set.add('c', '{{define "x"}} {{/* empty */}} {{end}}');
    set.add('main', '{{template "x"}}');
    assert.equal(set.execute('main', null), 'second');
    assert.deepEqual(set.names(), ['a', 'b', 'c', 'main', 'x']);
  });
});

describe('limits stop runaway templates with a clear error', () => {
  test('step budget', () => {
    const set = new TemplateSet({}, { limits: { maxSteps: 10000 } });
    set.add('loop.yaml', 'a\n{{ range 100000000 }}{{ . }}{{ end }}');
    const e = errorOf(() => set.execute('loop.yaml', null));
    assert.equal(e.kind, 'limit');
    assert.match(e.message, /^template: loop\.yaml:2:\d+: executing "loop\.yaml" at <.*>: template execution exceeded the limit of 10000 steps$/);
  });

  test('output budget', () => {
    const set = new TemplateSet({}, { limits: { maxOutputBytes: 1000 } });
    set.add('big', '{{ range 1000 }}0123456789{{ end }}');
    const e = errorOf(() => set.execute('big', null));
    assert.equal(e.kind, 'limit');
    assert.match(e.message, /output exceeded the limit of 1000 bytes/);
  });

  test('recursive template calls', () => {
    const set = new TemplateSet({}, { limits: { maxCallDepth: 50 } });
    set.add('r', '{{define "loop"}}x{{template "loop" .}}{{end}}{{template "loop" .}}');
    const e = errorOf(() => set.execute('r', null));
    assert.equal(e.kind, 'limit');
    assert.match(e.message, /executing "loop" at <\{\{template "loop" \.\}\}>: exceeded maximum template depth \(50\)/);
  });

  test('unbounded recursion without a depth limit ends in an error, not a crash', () => {
    const set = new TemplateSet({});
    set.add('r', '{{define "loop"}}{{template "loop" .}}{{end}}{{template "loop" .}}');
    assert.equal(errorOf(() => set.execute('r', null)).kind, 'limit');
  });

  test('recursion through a function (include) is bounded too', () => {
    const holder: { set?: TemplateSet } = {};
    const include = goFunc('include', ['string', 'any'], (name, data) => holder.set!.execute(name as string, data));
    holder.set = new TemplateSet({ include }, { limits: { maxCallDepth: 100 } });
    holder.set.add('r', '{{define "loop"}}{{ include "loop" . }}{{end}}');
    const e = errorOf(() => holder.set!.execute('loop', null));
    assert.equal(e.kind, 'limit');
    assert.match(e.message, /exceeded maximum template depth \(100\)/);
  });

  test('cancellation', () => {
    let calls = 0;
    const set = new TemplateSet({}, { shouldCancel: () => ++calls > 2 });
    set.add('spin', '{{ range 100000000 }}{{ end }}');
    assert.match(errorOf(() => set.execute('spin', null)).message, /template execution was cancelled/);
  });
});

class Pod extends GoStruct {
  readonly goTypeName = '*v1.Pod';
  constructor(public Name: string) {
    super();
  }
  Greet(greeting: GoValue, times: GoValue): GoValue {
    return `${String(greeting)} ${this.Name} x${String(times)}`;
  }
}
Object.assign(Pod.prototype.Greet, { goParams: ['string', 'int'] });

/** Like Helm's chartutil.VersionSet: a slice type with a Go method. */
class VersionList extends Array<string> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  Has(v: GoValue): boolean {
    return this.includes(v as string);
  }
}
const versions = Object.assign(new VersionList(), ['apps/v1']) as unknown as GoValue;

const funcsForCall = {
  boom: goFunc('boom', ['int'], () => {
    throw new Error('boom');
  }),
};

describe('structs, methods and typed parameters', () => {
  const cases: [string, GoValue, string][] = [
    ['{{ .v.Has "apps/v1" }} {{ .v.Has "x/v1" }} {{ len .v }}', { v: versions }, 'true false 1'],
    ['{{ .v.map }}', { v: versions }, "error: can't evaluate field map in type interface {}"],
    ['{{ .Name }}', new Pod('p1'), 'p1'],
    ['{{ .Greet "hi" 2 }}', new Pod('p1'), 'hi p1 x2'],
    ['{{ .Nope }}', new Pod('p1'), "error: can't evaluate field Nope in type *v1.Pod"],
    ['{{ .Greet 2 2 }}', new Pod('p1'), 'error: expected string; found 2'],
    ['{{ .Greet "a" 1.5 }}', new Pod('p1'), 'error: expected integer; found 1.5'],
    ['{{ half 3 }}', null, '1.5'],
    ['{{ half .i }}', { i: 3n }, 'error: wrong type for value; expected float64; got int'],
    ['{{ eq 1 1.0 }}', null, 'error: error calling eq: incompatible types for comparison: int and float64'],
    ['{{ and 0 (fail) }}{{ or 1 (fail) }}', null, '01'],
    ['{{ call .f 2 3 }}', { f: goFunc('mul', ['int', 'int'], (a, b) => (a as bigint) * (b as bigint)) as unknown as GoValue }, '6'],
    ['{{ call .f 2 }}', { f: goFunc('mul', ['int', 'int'], () => 0n) as unknown as GoValue }, 'error: error calling call: wrong number of args for .f: got 1 want 2'],
    ['{{ call .f "x" }}', { f: goFunc('one', ['int'], () => 0n) as unknown as GoValue }, 'error: error calling call: arg 0: value has type string; should be int'],
    ['{{ call .f 1 }}', { f: funcsForCall.boom as unknown as GoValue }, 'error: error calling call: boom'],
    ['{{ call .n }}', { n: 1n }, 'error: error calling call: non-function .n of type int'],
  ];
  const funcs = {
    half: goFunc('half', ['float64'], (x) => (x as number) / 2),
    fail: goFunc('fail', [], () => {
      throw new Error('must not be called');
    }),
  };
  for (const [text, data, expected] of cases) {
    test(text, () => {
      if (expected.startsWith('error: ')) {
        assert.ok(errorOf(() => executeTemplate(text, data, { funcs })).message.endsWith(expected.slice('error: '.length)));
      } else {
        assert.equal(executeTemplate(text, data, { funcs }), expected);
      }
    });
  }
});

describe('hostile input fails cleanly', () => {
  const cases: [string, string][] = [
    ['binary', '\u0000\u0001{{\u0002\u00ff}}'],
    ['deep if nesting', '{{if 1}}'.repeat(5000) + '{{end}}'.repeat(5000)],
    ['deep parens', '{{' + '('.repeat(20000) + '1' + ')'.repeat(20000) + '}}'],
    ['unterminated', '{{ "abc'],
    ['unclosed comment', '{{/* never'],
  ];
  for (const [name, text] of cases) {
    test(name, () => {
      const e = errorOf(() => executeTemplate(text, null));
      assert.equal(e.kind, 'parse');
      assert.match(e.message, /^template: template:\d+: /);
    });
  }
});
