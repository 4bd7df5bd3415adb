import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest } from '../../../src/core/text/suggest';

test('closest suggests plausible typos only', () => {
  const fields = ['containers', 'initContainers', 'volumes', 'nodeSelector', 'restartPolicy'];
  const cases: [string, string | undefined][] = [
    ['contianers', 'containers'], // swapped neighbours
    ['Containers', 'containers'], // case
    ['volume', 'volumes'], // missing letter
    ['nodeselector', 'nodeSelector'],
    ['replicas', undefined], // nothing close
    ['x', undefined],
  ];
  for (const [word, expected] of cases) assert.equal(closest(word, fields), expected, word);
});
