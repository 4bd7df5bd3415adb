/**
 * Go's own text/template test tables (exec_test.go, multi_test.go, parse_test.go, transcribed in
 * ../shared/gotemplate-vectors/text-template.json), every vector, except the explicit SKIP list.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet, TemplateError, parseTemplates } from '../../../src/core/gotemplate/index';
import { classifyNumber, unquoteCharConstant } from '../../../src/core/gotemplate/literals';
import { Node, NodeType } from '../../../src/core/gotemplate/ast';
import { quote } from '../../../src/core/gotemplate/strconv';
import { harnessFuncs, loadVectors, toGo } from './vectors';

const vectors = loadVectors();
const fixtures = vectors.fixtures;

/** Vectors that cannot pass by design, with the reason. */
const SKIP: Record<string, string> = {
  'map[NO]': 'needs a typed map[string]int (zero value 0); our maps are map[string]interface{} (zero value nil)',
  'map[``]': 'needs a typed map[string]int (zero value 0); our maps are map[string]interface{}',
  'missingkey=zero typed map': 'needs a typed map[string]int (zero value 0); our maps are map[string]interface{}',
  'empty template redefinition 5':
    'Go executes the *Template returned by the last Parse (the empty one); our API executes by name, which, like Go\'s ExecuteTemplate, keeps the earlier non-empty body',
};

interface RunInput {
  template?: string;
  data: unknown;
  options?: string[];
  setup?: string[];
  setupNames?: string[];
  setupNamed?: [string, string][];
  execute?: string;
  redefine?: string[];
  delims?: [string, string];
}

function run(v: RunInput): string {
  const missingkey = v.options?.find((o) => o.startsWith('missingkey='))?.slice('missingkey='.length) as 'zero' | 'error' | 'default' | undefined;
  const set = new TemplateSet(harnessFuncs, { missingkey });
  const delims = v.delims ? { left: v.delims[0], right: v.delims[1] } : undefined;
  const data = toGo(v.data, fixtures);
  v.setup?.forEach((text, i) => set.add(v.setupNames?.[i] ?? `setup${i}`, text, delims));
  if (v.setupNamed) {
    for (const [name, text] of v.setupNamed) set.add(name, text, delims);
    return set.execute(v.execute ?? v.setupNamed[0][0], data);
  }
  if (v.redefine) {
    // multi_test.go TestEmptyTemplate: the data doubles as the template's name.
    const name = String(v.data);
    for (const text of v.redefine) set.add(name, text, delims);
    return set.execute(name, data);
  }
  set.add('test', v.template ?? '', delims);
  return set.execute('test', data);
}

function check(v: RunInput & { name: string; expected?: string; expectError?: boolean; partialOutput?: string }): void {
  if (v.expectError) {
    assert.throws(
      () => run(v),
      (e: unknown) => {
        assert.ok(e instanceof TemplateError, `expected a TemplateError, got ${String(e)}`);
        assert.match(e.message, /^template: /);
        if (v.partialOutput !== undefined && e.kind === 'exec') assert.equal(e.partialOutput, v.partialOutput);
        return true;
      },
    );
    return;
  }
  assert.equal(run(v), v.expected);
}

describe('Go exec_test.go vectors', () => {
  for (const v of vectors.exec) {
    test(v.name, { skip: SKIP[v.name] }, () => check(v));
  }
});

describe('Go multi_test.go vectors', () => {
  for (const v of vectors.multi) {
    test(v.name, { skip: SKIP[v.name] }, () => check(v));
  }
});

/** Go's Tree.Root.String() with text nodes printed by %q, as parse_test.go prints them. */
function treeString(node: Node): string {
  switch (node.type) {
    case NodeType.Text:
      return quote(node.text);
    case NodeType.List:
      return node.nodes.map(treeString).join('');
    case NodeType.If:
    case NodeType.Range:
    case NodeType.With: {
      const name = node.type === NodeType.If ? 'if' : node.type === NodeType.Range ? 'range' : 'with';
      const otherwise = node.elseList ? `{{else}}${treeString(node.elseList)}` : '';
      return `{{${name} ${node.pipe}}}${treeString(node.list)}${otherwise}{{end}}`;
    }
    default:
      return String(node);
  }
}

/**
 * parseTests rows carry a result column that Go ignores when parsing fails; for these two rows the
 * transcription put that column (the tree text, not a message) into errorContains.
 */
const RESULT_COLUMN_NOT_MESSAGE = new Set(['emptyAction', 'newline in empty action']);

describe('Go parse_test.go vectors', () => {
  for (const v of vectors.parse) {
    test(v.name, () => {
      const funcs = new Set(v.funcs);
      // errorTests name each template after its row.
      const name = v.source.includes('errorTests') ? v.name : 'test';
      // parse_test.go lowers the expression-depth limit to 3 for its "paren nesting" rows.
      const maxExpressionDepth = v.notes?.includes('maxStackDepth=3') ? 3 : undefined;
      const parse = () => parseTemplates(name, v.template, { hasFunction: (n) => funcs.has(n), maxExpressionDepth });
      if (!v.parseOk) {
        assert.throws(parse, (e: unknown) => {
          assert.ok(e instanceof TemplateError);
          if (v.errorContains && !RESULT_COLUMN_NOT_MESSAGE.has(v.name)) assert.ok(e.message.includes(v.errorContains), `${e.message} should contain ${v.errorContains}`);
          return true;
        });
        return;
      }
      const trees = parse();
      if (v.treeString !== undefined) assert.equal(treeString(trees.get(name)!.root), v.treeString);
    });
  }
});

describe('Go parse_test.go number literals', () => {
  for (const v of vectors.numberLiterals) {
    test(v.text, () => {
      const classify = () => {
        if (v.text.startsWith("'")) {
          const r = BigInt(unquoteCharConstant(v.text));
          return { isInt: true, isUint: true, isFloat: true, isComplex: false, int64: r, uint64: r, float64: Number(r) };
        }
        return classifyNumber(v.text, /i$/.test(v.text));
      };
      if (!v.valid) {
        assert.throws(classify);
        return;
      }
      const n = classify();
      assert.deepEqual(
        { isInt: n.isInt, isUint: n.isUint, isFloat: n.isFloat, isComplex: n.isComplex },
        { isInt: v.isInt, isUint: v.isUint, isFloat: v.isFloat, isComplex: v.isComplex },
      );
      if (v.isInt) assert.equal(n.int64, BigInt(v.int64!));
      if (v.isUint) assert.equal(n.uint64, BigInt(v.uint64!));
      if (v.isFloat) assert.equal(n.float64, v.float64);
    });
  }
});

