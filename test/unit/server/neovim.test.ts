/**
 * A real LSP client: Debian's Neovim (0.7), headless, starts `shipshape lsp --stdio` with its built-in
 * client and must receive the diagnostics of a fixture Dockerfile and manifest (rule id as `code`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built, CLI } from './lsp-client';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = !built ? 'dist/cli.js is missing: run `npm run build` first' : nvim.status !== 0 ? 'nvim is not installed (Debian: apt-get install neovim)' : false;

/** Starts the server with Neovim's built-in client, rooted at the workspace. */
const START = (cli: string, root: string) => `
local root = ${JSON.stringify(root)}
local client = vim.lsp.start_client({
  name = 'shipshape',
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(cli)}, 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'w' } },
})
`;

/** Writes `result` as JSON to `out` and quits. */
const FINISH = (out: string) => `
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
`;

/** Runs a Lua script in headless Neovim with a throwaway config and returns what it wrote. */
function runNeovim<T>(root: string, lua: string): { result: T; stderr: string } {
  const out = join(root, 'result.json');
  const script = join(root, 'test.lua');
  writeFileSync(script, lua);
  const run = spawnSync('nvim', ['--headless', '-u', script], { cwd: root, encoding: 'utf8', timeout: 50_000, env: { ...process.env, XDG_STATE_HOME: root, XDG_DATA_HOME: root, XDG_CONFIG_HOME: root } });
  assert.equal(run.error, undefined, String(run.error));
  return { result: JSON.parse(readFileSync(out, 'utf8')) as T, stderr: run.stderr };
}

const LUA = (cli: string, root: string, out: string) => `${START(cli, root)}
local result = {}
local function open(name)
  vim.cmd('edit ' .. root .. '/' .. name)
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  return buf
end
local dockerfile = open('Dockerfile')
local manifest = open('deploy.yaml')
local ok = vim.wait(20000, function()
  return #vim.diagnostic.get(dockerfile) > 0 and #vim.diagnostic.get(manifest) > 0
end, 100)
for name, buf in pairs({ Dockerfile = dockerfile, ['deploy.yaml'] = manifest }) do
  result[name] = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result[name], { code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code, line = d.lnum, source = d.source })
  end
end
result.waited = ok
${FINISH(out)}`;

test('headless Neovim receives the diagnostics of a Dockerfile and a manifest', { skip, timeout: 60_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-nvim-'));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:latest\nCMD ["node", "server.js"]\n');
  writeFileSync(join(root, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      contianers: []\n');
  const { result, stderr } = runNeovim<{ waited: boolean; Dockerfile: { code: string; line: number; source: string }[]; 'deploy.yaml': { code: string; line: number }[] }>(root, LUA(CLI, root, join(root, 'result.json')));
  assert.ok(result.waited, `no diagnostics arrived: ${JSON.stringify(result)} ${stderr}`);
  assert.ok(result.Dockerfile.some((d) => d.code === 'no-latest-tag' && d.line === 0 && d.source === 'shipshape'), JSON.stringify(result.Dockerfile));
  assert.ok(result['deploy.yaml'].some((d) => d.code === 'k8s-schema' && d.line === 11), JSON.stringify(result['deploy.yaml']));
});

const HELM_LUA = (cli: string, root: string, out: string) => `${START(cli, root)}
vim.cmd('edit ' .. root .. '/chart/templates/cm.yaml')
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local result = { waited = ok, diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code, line = d.lnum, col = d.col })
end
local uri = vim.uri_from_bufnr(buf)
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 5, character = 25 } }, 10000)
for _, r in pairs(hover or {}) do if r.result then result.hover = r.result.contents.value end end
local definition = vim.lsp.buf_request_sync(buf, 'textDocument/definition', { textDocument = { uri = uri }, position = { line = 3, character = 21 } }, 10000)
for _, r in pairs(definition or {}) do if r.result and r.result[1] then result.definition = { uri = r.result[1].uri, line = r.result[1].range.start.line } end end
${FINISH(out)}`;

test('headless Neovim gets the Helm template answers: a values hover, an include definition, a values typo', { skip, timeout: 60_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-nvim-helm-'));
  const files: Record<string, string> = {
    'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    'chart/values.yaml': 'greeting: hello\nimage:\n  tag: "1.0"\n',
    'chart/templates/_helpers.tpl': '{{- define "c.name" -}}\nc\n{{- end }}\n',
    'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "c.name" . }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n  tag: {{ .Values.imag.tag | quote }}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const { result, stderr } = runNeovim<{ waited: boolean; diagnostics: { code: string; line: number; col: number }[]; hover?: string; definition?: { uri: string; line: number } }>(root, HELM_LUA(CLI, root, join(root, 'result.json')));
  assert.ok(result.waited, `no diagnostics arrived: ${JSON.stringify(result)} ${stderr}`);
  assert.ok(result.diagnostics.some((d) => d.code === 'helm-values-undefined' && d.line === 6 && d.col === 18), JSON.stringify(result.diagnostics));
  assert.match(result.hover ?? '', /greeting: hello/);
  assert.deepStrictEqual([result.definition?.uri.endsWith('/chart/templates/_helpers.tpl'), result.definition?.line], [true, 0]);
});
