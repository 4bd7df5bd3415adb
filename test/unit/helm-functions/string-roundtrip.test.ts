/**
 * Whatever style toYaml picks for a string (plain, quoted, literal, folded at 80 columns), reading the
 * output back must give the same string. Deterministic pseudo-random strings over an alphabet of YAML's
 * troublemakers: indicators, spaces, line breaks, tabs, quotes, digits, non-BMP characters.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseYamlValues } from '../../../src/core/helm/functions';
import { marshalYaml } from '../../../src/core/helm/goyaml';

const ALPHABET = [...'ab yZ09:-#&*!|>\'"%@`,[]{}?.~\n\t\\/', 'yes', 'no', 'on', 'null', '1.0', '0x1', '😀', 'é', '  ', '\r\n', '- '];

function* strings(count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  for (let i = 0; i < count; i++) {
    const parts = Math.floor(next() * (i % 10 === 0 ? 60 : 8));
    let s = '';
    for (let p = 0; p < parts; p++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
    yield s;
  }
}

test('YAML printed for strings reads back unchanged (as values and as keys)', () => {
  for (const s of strings(3000, 42)) {
    // The untrimmed text: Helm's TrimSuffix can really cut a kept ("|+") final line break.
    const text = marshalYaml({ value: s, list: [s] });
    const back = parseYamlValues(text);
    assert.equal(back.value, s, `value ${JSON.stringify(s)} printed as ${JSON.stringify(text)}`);
    assert.deepEqual(back.list, [s]);
    if (s !== '') {
      const keyed = parseYamlValues(marshalYaml({ [s]: 1n }));
      assert.deepEqual(Object.keys(keyed), [s], `key ${JSON.stringify(s)}`);
    }
  }
});
