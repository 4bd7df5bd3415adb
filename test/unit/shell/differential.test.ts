/**
 * Our shell parser against mvdan-sh (the reference): the same commands, words, offsets, operators
 * and nesting for every RUN/CMD/ENTRYPOINT body of the real Dockerfiles in ../shared and for
 * thousands of generated scripts; and both agree on which scripts are syntax errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseShellScript, type ShellScript } from '../../../src/core/shell';
import { buildModel } from '../../../src/core/dockerfile/model/build-model';
import { buildScriptText } from '../../../src/core/dockerfile/parse/script-text';
import { sharedPath } from '../shared-data';
import { analyseWithMvdan } from './mvdan-oracle';
import { generateScripts } from './generate-scripts';

/** The parts of the result that rules read. */
function comparable(script: ShellScript) {
  return {
    error: !!script.error,
    statementCount: script.error ? 0 : script.statementCount,
    background: script.backgroundStatements,
    commands: script.commands.map((c) => ({
      name: c.name && [c.name.value, c.name.literal, c.name.start, c.name.end],
      args: c.args.map((a) => [a.value, a.literal, a.start, a.end]),
      assignments: c.assignments.map((a) => a.name),
      at: [c.start, c.end],
      statementIndex: c.statementIndex,
      precededBy: c.precededBy,
      background: c.background,
      depth: c.depth,
      conditional: c.conditional,
    })),
  };
}

function assertSame(text: string) {
  const ours = comparable(parseShellScript(text));
  const reference = comparable(analyseWithMvdan(text));
  assert.deepEqual(ours, reference, `for script:\n${text}`);
}

const corpusScripts: string[] = [];
const dir = sharedPath('corpus/dockerfiles');
for (const file of readdirSync(dir).filter((f) => f.endsWith('Dockerfile'))) {
  const text = readFileSync(join(dir, file), 'utf8');
  const model = buildModel(text);
  for (const i of model.instructions) {
    if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(i.keyword) || i.execForm || !i.argumentText || i.shellKind !== 'posix') continue;
    corpusScripts.push(buildScriptText(text, i.argumentText.start, i.end, model.escapeChar, i.heredocs.length > 0).text);
  }
}

test(`every shell body in the Dockerfile corpus parses as mvdan-sh parses it (${corpusScripts.length} scripts)`, () => {
  assert.ok(corpusScripts.length > 100);
  for (const script of corpusScripts) assertSame(script);
});

const handWritten = [
  'a && b || c | d & e; f "x$Y" \'z\' $(g h) > /dev/null',
  'if true; then i; elif j; then k; else l; fi; while m; do n; done; until o; do p; done',
  'for x in 1 2 3; do echo "$x"; done; for ((i=0; i<3; i++)); do q; done',
  'case "$1" in a|b) r ;; (c) s;; *) t ;; esac',
  'f() { u; v; }; function w { x; }',
  '( y; z ) & { aa; bb; } > log 2>&1',
  'export A=1 B; local C=2; readonly D',
  'cat <<EOF | grep x\nline $HOME\nEOF\necho after',
  'cat <<-\'EOF\'\n\tbody\n\tEOF\nnext',
  'echo `date` $((1 + 2)) ${VAR:-default} ${#VAR} $\'a\\tb\' "$@"',
  'arr=(a b c); echo "${arr[@]}"',
  'VAR=1 OTHER="two words" cmd arg',
  'diff <(sort a) <(sort b)',
  'echo a \\\n  b \\\n  c',
  '# comment only\n',
  '! grep -q x file || echo missing',
  'set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends ca-certificates; \\\n\trm -rf /var/lib/apt/lists/*',
  '[[ -f x && -n "$y" ]] && echo yes',
  'time make -j4',
  '{ echo a; } 2>/dev/null',
  'echo "unterminated',
  "echo 'unterminated",
  'if true; then echo a',
  'echo $(unclosed',
  'a &&',
  ') stray',
  'fi',
  'for x in a b; echo no-do; done',
];
for (const script of handWritten) test(`same as mvdan-sh: ${JSON.stringify(script).slice(0, 70)}`, () => assertSame(script));

test('2,000 generated scripts parse as mvdan-sh parses them', () => {
  for (const script of generateScripts(20261126, 2000)) assertSame(script);
});
