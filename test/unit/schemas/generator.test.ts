/**
 * Our generator against the reference: yannh-identical standalone-strict schemas of v1.34.0 in
 * ../shared. Every corpus document of a kind both have must get the same verdict, except where our
 * generator deliberately differs; each such difference must be one of the documented kinds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parseYamlFile } from '../../../src/core/yaml/parse';
import { schemaStore } from '../../../src/core/schemas/store';
import { sharedPath } from '../shared-data';
import { testSchemaDir } from './schema-dir';

/** Why our verdict may differ from the reference, as ajv error keywords of the stricter side. */
const OURS_STRICTER = new Set(['pattern', 'format', 'x-kubernetes-list-map-keys']); // Quantity grammar, int32 range, duplicate list keys
const THEIRS_STRICTER = new Set(['oneOf']); // null matching both IntOrString branches

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

function stripNulls(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(stripNulls);
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, stripNulls(v)]));
}

test('generated 1.34 schemas give the reference standalone-strict verdicts on the corpus', () => {
  const index = JSON.parse(readFileSync(sharedPath('schemas/kubernetes/v1.34.0/index.json'), 'utf8')) as {
    kinds: { apiVersion: string; kind: string; file: string; flavours?: string[] }[];
  };
  const reference = new Map(index.kinds.map((k) => [`${k.apiVersion}|${k.kind}`, k.file]));
  const ours = schemaStore(testSchemaDir()).kubernetes('1.34');
  const theirsAjv = new Ajv({ allErrors: true, strict: false, logger: false, validateFormats: false });
  const theirs = new Map<string, ValidateFunction>();
  let compared = 0;
  const unexplained: string[] = [];
  for (const path of corpusFiles(sharedPath('corpus/k8s'))) {
    if (path.includes('/_archived/')) continue;
    for (const document of parseYamlFile(readFileSync(path, 'utf8')).documents) {
      const key = `${document.apiVersion}|${document.kind}`;
      const file = reference.get(key);
      const entry = document.apiVersion && document.kind ? ours.kind(document.apiVersion, document.kind) : undefined;
      if (!file || !entry || document.doc.errors.length > 0) continue;
      let validateTheirs = theirs.get(file);
      if (!validateTheirs) {
        const schema = JSON.parse(readFileSync(sharedPath('schemas/kubernetes/v1.34.0/standalone-strict', file), 'utf8'));
        delete schema.$schema;
        validateTheirs = theirsAjv.compile(schema);
        theirs.set(file, validateTheirs);
      }
      const validateOurs = ours.validator(entry);
      const okTheirs = validateTheirs(document.value);
      const okOurs = validateOurs(stripNulls(document.value));
      compared++;
      if (okTheirs === okOurs) continue;
      const stricter = okOurs ? validateTheirs.errors ?? [] : validateOurs.errors ?? [];
      const allowed = okOurs ? THEIRS_STRICTER : OURS_STRICTER;
      const keywords = new Set(stricter.filter((e) => e.keyword !== 'type' || !okOurs).map((e) => e.keyword));
      if (![...keywords].every((k) => allowed.has(k) || (okOurs && k === 'type'))) {
        unexplained.push(`${relative(sharedPath('corpus/k8s'), path)} ${key}: ours ${okOurs}, reference ${okTheirs}: ${[...keywords]}`);
      }
    }
  }
  assert.ok(compared > 100, `compared only ${compared} documents`);
  assert.deepEqual(unexplained, []);
});
