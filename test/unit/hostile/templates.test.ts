/** Hostile templates inputs (cases.ts), each in a child process with a heap limit and a timeout. */
import { test } from 'node:test';
import { runGroup } from './harness';

test('hostile templates inputs end in one clear finding or error, in bounded time and memory', () => runGroup('templates'));
