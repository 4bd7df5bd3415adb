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

const LUA = (cli: string, root: string, out: string) => `
local root = ${JSON.stringify(root)}
local client = vim.lsp.start_client({
  name = 'shipshape',
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(cli)}, 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'w' } },
})
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
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
`;

test('headless Neovim receives the diagnostics of a Dockerfile and a manifest', { skip, timeout: 60_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-nvim-'));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:latest\nCMD ["node", "server.js"]\n');
  writeFileSync(join(root, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      contianers: []\n');
  const out = join(root, 'result.json');
  const script = join(root, 'test.lua');
  writeFileSync(script, LUA(CLI, root, out));
  const run = spawnSync('nvim', ['--headless', '-u', script], { cwd: root, encoding: 'utf8', timeout: 50_000, env: { ...process.env, XDG_STATE_HOME: root, XDG_DATA_HOME: root, XDG_CONFIG_HOME: root } });
  assert.equal(run.error, undefined, String(run.error));
  const result = JSON.parse(readFileSync(out, 'utf8')) as { waited: boolean; Dockerfile: { code: string; line: number; source: string }[]; 'deploy.yaml': { code: string; line: number }[] };
  assert.ok(result.waited, `no diagnostics arrived: ${JSON.stringify(result)} ${run.stderr}`);
  assert.ok(result.Dockerfile.some((d) => d.code === 'no-latest-tag' && d.line === 0 && d.source === 'shipshape'), JSON.stringify(result.Dockerfile));
  assert.ok(result['deploy.yaml'].some((d) => d.code === 'k8s-schema' && d.line === 11), JSON.stringify(result['deploy.yaml']));
});
