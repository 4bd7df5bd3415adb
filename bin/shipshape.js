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
 * Compiling the CLI's bundles is a third of a short command's time. Node >= 22.1 caches compiled code
 * itself (module.enableCompileCache); on older Nodes we keep V8's code cache for each bundle (the
 * dispatcher dist/cli.js and the command's own dist/cli-<command>.js) in the user's cache folder,
 * made after its first run (so it holds the functions that command compiled), keyed by Node version
 * and the bundle's size and mtime. V8 rejects a cache that does not fit, and any problem with the
 * cache falls back to a plain require. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own.
 */
function loadCli(file) {
  const Module = require('node:module');
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return require(file);
  }
  return requireWithCodeCache(file, Module, module);
}

function requireWithCodeCache(file, Module, parent) {
  let loaded;
  try {
    loaded = prepareWithCodeCache(file, Module, parent);
  } catch {
    return parent.require(file);
  }
  return loaded();
}

/** Compiles `file` as CommonJS with a code cache; returns the function that runs it (past the fallible part). */
function prepareWithCodeCache(file, Module, parent) {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const vm = require('node:vm');
  if (Module._cache[file]) return () => Module._cache[file].exports;
  const stat = fs.statSync(file);
  const command = /^[a-z-]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  // FNV-1a, twice over (64 bits): node:crypto alone takes ~20 ms to load.
  const hash = (text) => {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
      b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) >>> 0;
      b = (b ^ (b >>> 15)) >>> 0;
    }
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  };
  // <bundle and command>-<version of both>.bin: a new build replaces its command's cache, never piles up.
  const slot = hash([file, command].join('|'));
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'shipshape', 'v8-code-cache');
  const cacheFile = path.join(dir, `${slot}-${hash([stat.size, stat.mtimeMs, process.version, process.arch].join('|'))}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The bundles are ASCII (the build checks it): latin1 reads them in half the time of UTF-8.
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'latin1')), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so that the functions this command compiled are in it.
    process.once('exit', () => {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        for (const name of fs.readdirSync(dir)) {
          if (name.startsWith(`${slot}-`) && name !== path.basename(cacheFile)) fs.rmSync(path.join(dir, name), { force: true });
        }
      } catch {
        // A read-only home or a full disk: run without a cache.
      }
    });
  }
  const wrapper = script.runInThisContext();
  return () => {
    const mod = new Module(file, parent);
    mod.filename = file;
    mod.paths = Module._nodeModulePaths(path.dirname(file));
    Module._cache[file] = mod;
    // The command bundles the dispatcher requires (`./cli-render.js`) get a code cache too.
    const req = (id) => (/^\.\/cli-[a-z]+\.js$/.test(id) ? requireWithCodeCache(path.join(path.dirname(file), id), Module, mod) : mod.require(id));
    req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    req.main = process.mainModule;
    req.cache = Module._cache;
    wrapper.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
    mod.loaded = true;
    return mod.exports;
  };
}
