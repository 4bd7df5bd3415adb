// The GitHub Action's step (action.yml): runs `shipshape check` as the runner would run a node action,
// with inputs from INPUT_* variables, writes the SARIF file for code scanning, annotates each finding on
// its line, and exits as the CLI does (1 when a finding reaches failure-threshold, 2 on usage errors).
// Outputs (sarif-file, findings, exit-code) go to the $GITHUB_OUTPUT file.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/shipshape.js', import.meta.url));

/** An input as the runner passes it: INPUT_<NAME> upper-cased, spaces as `_`; composite steps pass `-` as `_`. */
export function input(name, env = process.env) {
  const upper = name.toUpperCase().replace(/ /g, '_');
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

/** The CLI arguments the inputs ask for. Paths and CRD folders are whitespace-separated. */
export function checkArgs(env = process.env) {
  const list = (name) => input(name, env).split(/\s+/).filter(Boolean);
  const args = ['check', ...(list('paths').length ? list('paths') : ['.']), '--format', 'sarif'];
  args.push('--failure-threshold', input('failure-threshold', env) || 'error');
  if (input('config', env)) args.push('--config', input('config', env));
  if (input('k8s-version', env)) args.push('--k8s-version', input('k8s-version', env));
  for (const dir of list('crds')) args.push('--crds', dir);
  return args;
}

// Workflow commands: the data and property escapes of @actions/core.
const escapeData = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const COMMAND = { error: 'error', warning: 'warning', note: 'notice', none: 'notice' };

function annotate(result, out) {
  const region = result.locations?.[0]?.physicalLocation;
  const props = {
    file: region?.artifactLocation?.uri,
    line: region?.region?.startLine,
    col: region?.region?.startColumn,
    endLine: region?.region?.endLine,
    endColumn: region?.region?.endColumn,
    title: `shipshape ${result.ruleId}`,
  };
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  out(`::${COMMAND[result.level] ?? 'notice'} ${list}::${escapeData(result.message?.text ?? '')}\n`);
}

export function runAction(env = process.env, out = (s) => process.stdout.write(s), err = (s) => process.stderr.write(s)) {
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const sarifFile = resolve(cwd, input('sarif-file', env) || 'shipshape.sarif');
  const args = checkArgs(env);
  out(`shipshape ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.stderr) err(run.stderr);
  const code = run.status ?? 2;
  let results = [];
  if (code === 2 || !run.stdout) {
    out(`::error title=shipshape::${escapeData(run.stderr.trim() || `shipshape check exited with ${code}`)}\n`);
  } else {
    writeFileSync(sarifFile, run.stdout);
    results = JSON.parse(run.stdout).runs.flatMap((r) => r.results);
    for (const result of results) annotate(result, out);
    const byLevel = (level) => results.filter((r) => r.level === level).length;
    out(`${results.length} finding(s): ${byLevel('error')} error(s), ${byLevel('warning')} warning(s), ${byLevel('note')} note(s); SARIF in ${sarifFile}\n`);
  }
  if (env.GITHUB_OUTPUT) {
    const sarif = code === 2 ? '' : sarifFile;
    appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarif}\nfindings=${results.length}\nexit-code=${code}\n`);
  }
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = runAction();
