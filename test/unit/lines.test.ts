import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lines';

test('LineIndex maps offsets to positions across LF and CRLF', () => {
  const index = new LineIndex('ab\r\ncd\nef');
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(8), { line: 2, character: 1 });
  assert.equal(index.lineText(0), 'ab');
  assert.equal(index.lineText(1), 'cd');
  assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
});
