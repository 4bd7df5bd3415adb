/** Hostile helm inputs (cases.ts), each in a child process with a heap limit and a timeout. */
import { test } from 'node:test';
import { runGroup } from './harness';

test('hostile helm inputs end in one clear finding or error, in bounded time and memory', () => runGroup('helm'));
