#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const cli = resolve(__dirname, '../dist/cli.js');
// A checkout where `npm ci` ran with --ignore-scripts, or a build that was cleaned: say what makes it.
if (!existsSync(cli)) {
  const root = resolve(__dirname, '..');
  const fix = existsSync(join(root, 'src')) ? `run \`npm run prepare\` in ${root}` : 'reinstall the shipshape package';
  process.stderr.write(`shipshape: ${cli} is missing; ${fix} to build it.\n`);
  process.exitCode = 2;
} else {
  // main returns the exit code, or a promise of it for long-running commands (the language server).
  Promise.resolve(loadCli(cli).main(process.argv.slice(2))).then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  });
}

/**
 * Compiling the 1.6 MB bundle is a third of a short command's time. Node >= 22.1 caches compiled code
 * itself (module.enableCompileCache); on older Nodes we keep V8's code cache for the bundle in the
 * user's cache folder, one per command (made after its first run, so it holds the functions that
 * command compiled), keyed by Node version and the bundle's size and mtime. V8 rejects a cache that
 * does not fit, and any problem with the cache falls back to a plain require.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own.
 */
function loadCli(file) {
  const Module = require('node:module');
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return require(file);
  }
  let loaded;
  try {
    loaded = prepareWithCodeCache(file, Module);
  } catch {
    return require(file);
  }
  return loaded();
}

/** Compiles `file` as CommonJS with a code cache; returns the function that runs it (past the fallible part). */
function prepareWithCodeCache(file, Module) {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const vm = require('node:vm');
  const crypto = require('node:crypto');
  const stat = fs.statSync(file);
  const command = /^[a-z-]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const key = [file, stat.size, stat.mtimeMs, process.version, process.arch, command].join('|');
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'shipshape', 'v8-code-cache');
  const cacheFile = path.join(dir, `${crypto.createHash('sha1').update(key).digest('hex').slice(0, 20)}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so that the functions this command compiled are in it.
    process.once('exit', () => {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only home or a full disk: run without a cache.
      }
    });
  }
  const wrapper = script.runInThisContext();
  return () => {
    const mod = new Module(file, module);
    mod.filename = file;
    mod.paths = Module._nodeModulePaths(path.dirname(file));
    Module._cache[file] = mod;
    const req = (id) => mod.require(id);
    req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    req.main = process.mainModule;
    req.cache = Module._cache;
    wrapper.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
    mod.loaded = true;
    return mod.exports;
  };
}
