/**
 * The `shipshape` command line: the same checks as the extension, for CI.
 * Exit codes: 0 clean, 1 problems at or above the failure threshold (default error) or, for render, a chart
 * helm would refuse, 2 usage or internal error.
 */
import { parseArgs } from 'node:util';
import type { Severity } from '../core/diagnostics';
// Each command's modules load when it runs, and the build makes each its own bundle (scripts/build.mjs):
// `--version` loads none, `render` never loads the rule registries, the schema validators or the server.
const commands = {
  check: () => require('./check') as typeof import('./check'),
  render: () => require('./render') as typeof import('./render'),
  rules: () => require('./rules') as typeof import('./rules'),
  lsp: () => require('./lsp') as typeof import('./lsp'),
};

declare const SHIPSHAPE_VERSION: string | undefined;
const VERSION = typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  shipshape check [paths...] [--format text|json|sarif] [--config FILE] [--failure-threshold error|warning|info|style]
                  [--k8s-version 1.34] [--crds DIR]...
  shipshape rules [--json]
  shipshape render [NAME] CHART [helm template flags: -f, --set..., -n, --kube-version, -s, --helm-compat 3|4]
  shipshape lsp --stdio            the language server, for any editor (see docs/editors.md)
  shipshape --version
`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest, io);
      case 'rules': {
        const json = rest.includes('--json');
        const { allRules, formatRules } = commands.rules();
        io.out(formatRules(allRules(), json));
        return 0;
      }
      case 'render':
        return commands.render().runRender(rest, io);
      case 'lsp':
        return runLsp(rest, io);
      case '--version':
      case '-v':
        io.out(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`shipshape: unknown command \`${command}\`\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    io.err(`shipshape: ${(error as Error).message}\n`);
    return 2;
  }
}

/** Runs until the client disconnects (the connection ends the process on `exit` or a closed stdin). */
function runLsp(args: string[], io: Io): number {
  if (!args.includes('--stdio')) {
    io.err('shipshape: lsp speaks over stdio only: run `shipshape lsp --stdio`\n');
    return 2;
  }
  commands.lsp().startLsp();
  return 0; // the open connection keeps the process running; it ends it on `exit`
}

function check(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      'failure-threshold': { type: 'string' },
      'k8s-version': { type: 'string' },
      crds: { type: 'string', multiple: true },
      color: { type: 'boolean' },
    },
  });
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    io.err(`shipshape: --format must be text, json or sarif\n`);
    return 2;
  }
  const threshold = values['failure-threshold'];
  if (threshold !== undefined && !['error', 'warning', 'info', 'style'].includes(threshold)) {
    io.err(`shipshape: --failure-threshold must be error, warning, info or style\n`);
    return 2;
  }
  return commands.check().runCheck(
    {
      paths: positionals,
      format,
      config: values.config,
      color: values.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR),
      overrides: {
        failureThreshold: threshold as Severity | undefined,
        kubernetesVersion: values['k8s-version'],
        crdDirs: values.crds,
      },
    },
    VERSION,
    io.out,
    io.err,
  );
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
