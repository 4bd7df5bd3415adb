/** Compose rule docs (bad example fires, good does not) and a run over the shared compose corpus. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { checkComposeFile, composeRules } from '../../../src/core/compose';
import { REPO_ROOT, sharedPath } from '../shared-data';
import { exampleUnder } from '../k8s/helpers';

for (const rule of composeRules) {
  test(`docs/rules/${rule.id}.md: bad example triggers the rule, good example does not`, () => {
    const path = join(REPO_ROOT, 'docs/rules', `${rule.id}.md`);
    assert.ok(existsSync(path), `missing doc ${path}`);
    const markdown = readFileSync(path, 'utf8');
    assert.match(markdown, new RegExp(`^# ${rule.id}$`, 'm'));
    const fires = (yaml: string) => checkComposeFile(parseYamlFile(yaml), 'compose.yaml').some((d) => d.rule === rule.id);
    for (const heading of ['Bad', 'Good']) {
      const errors = parseYamlFile(exampleUnder(markdown, heading)).documents.flatMap((d) => d.doc.errors);
      assert.deepEqual(errors.map((e) => e.message), [], `${heading} example is valid YAML`);
    }
    assert.equal(fires(exampleUnder(markdown, 'Bad')), true, 'bad example');
    assert.equal(fires(exampleUnder(markdown, 'Good')), false, 'good example');
  });
}

function composeFilesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? composeFilesUnder(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

test('the shared compose corpus checks without a rule failure', () => {
  const files = composeFilesUnder(sharedPath('corpus/compose'));
  assert.ok(files.length >= 130, `corpus found (${files.length} files)`);
  const known = new Set(composeRules.map((r) => r.id));
  for (const file of files) {
    for (const d of checkComposeFile(parseYamlFile(readFileSync(file, 'utf8'), { version: '1.2' }), file)) {
      assert.ok(known.has(d.rule), d.rule);
      assert.ok(!d.message.includes('failed on this'), `${file}: ${d.message}`);
    }
  }
});

test("compose-go's cycle fixtures are rejected, as its loader tests expect", () => {
  // corpus/compose/expected.json: both fail to load with "dependency cycle detected".
  for (const name of ['compose-depends-on-cycle.yaml', 'compose-depends-on-self.yaml']) {
    const file = sharedPath('corpus/compose/compose-go/loader/testdata', name);
    const found = checkComposeFile(parseYamlFile(readFileSync(file, 'utf8')), file).filter((d) => d.rule === 'compose-depends-on-cycle');
    assert.ok(found.length > 0, name);
  }
});

test("the talk's Rocket.Chat compose file: legacy links and an untagged image, nothing else", () => {
  // The talk's own critique of this file: link services through networks, pin images.
  const file = sharedPath('corpus/compose/k8s-talk/rocket-chat-compose/docker-compose.yaml');
  const text = readFileSync(file, 'utf8');
  const found = checkComposeFile(parseYamlFile(text), file).map((d) => `${d.rule} ${d.range.start.line + 1}`);
  const line = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
  assert.deepEqual(found.sort(), [`compose-image-latest ${line('image: rocket.chat')}`, `compose-links ${line('links:')}`].sort());
});

test('awesome-compose: no reference, collision or process findings on these working samples', () => {
  // They all start with `docker compose up`, so structural findings there would be false positives.
  const files = composeFilesUnder(sharedPath('corpus/compose/awesome-compose'));
  const structural = ['compose-undefined-reference', 'compose-depends-on-cycle', 'compose-port-collision', 'compose-single-process'];
  const found = files.flatMap((file) =>
    checkComposeFile(parseYamlFile(readFileSync(file, 'utf8'), { version: '1.2' }), file).filter((d) => structural.includes(d.rule)).map((d) => `${file}: ${d.message}`),
  );
  assert.deepEqual(found, []);
});

test('half-typed compose files (corpus files cut at many points) never make a rule fail', () => {
  const files = composeFilesUnder(sharedPath('corpus/compose')).filter((_, i) => i % 4 === 0);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let cut = 1; cut <= 12; cut++) {
      const prefix = text.slice(0, Math.floor((text.length * cut) / 12));
      for (const d of checkComposeFile(parseYamlFile(prefix), file)) assert.ok(!d.message.includes('failed on this'), `${file} cut ${cut}: ${d.message}`);
    }
  }
});
