'use strict';
// A tiny mocha-like runner (suite/test/before/after) for the integration suites. It runs inside the
// VS Code extension host, so it has no dependencies: every suite file is a plain CommonJS module in
// test/integration/suites/ that calls the functions exported here.
const fs = require('fs');
const path = require('path');

/** @type {{name: string, file: string, tests: {name: string, fn: Function, only?: boolean}[], before: Function[], after: Function[]}[]} */
let suites = [];
let current;

function suite(name, body) {
  if (current) throw new Error(`suite('${name}') cannot be nested in suite('${current.name}')`);
  current = { name, file: loadingFile, tests: [], before: [], after: [] };
  try {
    body();
  } finally {
    suites.push(current);
    current = undefined;
  }
}

function requireSuite(what) {
  if (!current) throw new Error(`${what} must be called inside suite()`);
  return current;
}

function test(name, fn) {
  requireSuite('test()').tests.push({ name, fn });
}
test.skip = (name) => requireSuite('test.skip()').tests.push({ name, fn: undefined });
function before(fn) {
  requireSuite('before()').before.push(fn);
}
function after(fn) {
  requireSuite('after()').after.push(fn);
}

let loadingFile = '';

/** Suite files, sorted by name, optionally narrowed by substrings (SHIPSHAPE_IT_GREP, comma-separated). */
function findSuiteFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

const DEFAULT_TEST_TIMEOUT_MS = 60_000;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function describeError(error) {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

/**
 * Loads and runs every suite. `filter` keeps tests whose "suite › test" title contains one of the
 * substrings. `log` receives one line per finished test. Never throws: a suite that fails to load or
 * whose before() hook fails is reported as failed tests.
 */
async function runAll({ suitesDir, filter = [], log = () => {}, testTimeoutMs = DEFAULT_TEST_TIMEOUT_MS }) {
  suites = [];
  const results = [];
  for (const file of findSuiteFiles(suitesDir)) {
    loadingFile = path.basename(file);
    try {
      delete require.cache[require.resolve(file)];
      require(file);
    } catch (error) {
      current = undefined;
      results.push({ suite: loadingFile, test: '(load suite file)', status: 'failed', durationMs: 0, error: describeError(error) });
      log(`  ✗ ${loadingFile}: cannot load: ${describeError(error).message}`);
    }
  }
  for (const s of suites) {
    const tests = s.tests.filter((t) => filter.length === 0 || filter.some((f) => `${s.name} › ${t.name}`.includes(f)));
    if (tests.length === 0) continue;
    log(`${s.name}  (${s.file})`);
    let hookError;
    for (const hook of s.before) {
      try {
        await withTimeout(Promise.resolve().then(hook), testTimeoutMs, `before() hook of '${s.name}'`);
      } catch (error) {
        hookError = error;
        break;
      }
    }
    for (const t of tests) {
      const started = Date.now();
      let status = 'passed';
      let error;
      if (!t.fn) status = 'skipped';
      else if (hookError) {
        status = 'failed';
        error = describeError(hookError);
        error.message = `before() hook failed: ${error.message}`;
      } else {
        try {
          await withTimeout(Promise.resolve().then(t.fn), testTimeoutMs, `test '${t.name}'`);
        } catch (e) {
          status = 'failed';
          error = describeError(e);
        }
      }
      const durationMs = Date.now() - started;
      results.push({ suite: s.name, test: t.name, status, durationMs, ...(error ? { error } : {}) });
      const mark = status === 'passed' ? '✓' : status === 'skipped' ? '-' : '✗';
      log(`  ${mark} ${t.name} (${durationMs} ms)${error ? `\n      ${error.message.split('\n').join('\n      ')}` : ''}`);
    }
    for (const hook of s.after) {
      try {
        await withTimeout(Promise.resolve().then(hook), testTimeoutMs, `after() hook of '${s.name}'`);
      } catch (error) {
        results.push({ suite: s.name, test: '(after hook)', status: 'failed', durationMs: 0, error: describeError(error) });
        log(`  ✗ after() hook: ${describeError(error).message}`);
      }
    }
  }
  const count = (status) => results.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests: results };
}

module.exports = { suite, test, before, after, runAll };
