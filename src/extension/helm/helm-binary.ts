/**
 * Rendering with a real `helm` binary (opt-in: `shipshape.helm.useHelmBinary` in a trusted workspace).
 * No `vscode` import: the argument building is a pure function the unit tests check against the CLI's
 * parser of the same flags.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { RenderOptions } from '../../core/helm/index';
import { templateLocations, type ErrorLocation } from '../../core/helm/errors';

/** `helm template NAME CHART [flags]` for the options the built-in renderer would get. */
export function helmTemplateArgs(chartDir: string, options: RenderOptions): string[] {
  const args = ['template'];
  if (options.releaseName !== undefined) args.push(options.releaseName);
  args.push(chartDir);
  const many = (flag: string, list: string[] | undefined) => {
    for (const v of list ?? []) args.push(flag, v);
  };
  if (options.namespace !== undefined) args.push('--namespace', options.namespace);
  if (options.nameTemplate !== undefined && options.releaseName === undefined) args.push('--name-template', options.nameTemplate);
  many('--values', options.valuesFiles);
  many('--set', options.set);
  many('--set-string', options.setString);
  many('--set-json', options.setJson);
  many('--set-file', options.setFile);
  many('--set-literal', options.setLiteral);
  if (options.kubeVersion !== undefined) args.push('--kube-version', options.kubeVersion);
  many('--api-versions', options.apiVersions);
  if (options.includeCrds) args.push('--include-crds');
  if (options.skipTests) args.push('--skip-tests');
  if (options.noHooks) args.push('--no-hooks');
  if (options.skipSchemaValidation) args.push('--skip-schema-validation');
  if (options.isUpgrade) args.push('--is-upgrade');
  many('--show-only', options.showOnly);
  return args;
}

/** The first executable `helm` on PATH, or undefined. */
export function findHelmBinary(path = process.env.PATH ?? '', platform = process.platform): string | undefined {
  const names = platform === 'win32' ? ['helm.exe', 'helm.cmd', 'helm'] : ['helm'];
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        /* not there */
      }
    }
  }
  return undefined;
}

/** A failed `helm template`: helm's message (without "Error: ") and the innermost template location. */
export class HelmBinaryError extends Error {
  constructor(
    message: string,
    readonly location?: ErrorLocation,
  ) {
    super(message);
  }
}

/** helm's stderr -> message and location, as the built-in renderer reports them. */
export function parseHelmStderr(stderr: string): HelmBinaryError {
  const errorLine = stderr.lastIndexOf('Error: ');
  const message = (errorLine >= 0 ? stderr.slice(errorLine + 'Error: '.length) : stderr).trim() || 'helm template failed';
  const locations = templateLocations(message.replace(/\n\s*/g, ' ') + ' ');
  // `required`/`fail` and parse errors say "... error at (<file>:<line>[:<col>])"; Helm 4 also prints
  // the location on its own line ("<file>:<line>:<col>") rather than "template: ...".
  const bare = /(?:error at \(|^)(\S+\/templates\/[^\s:()]+):(\d+)(?::(\d+))?(?:\)|$)/m.exec(message);
  const location =
    locations[locations.length - 1] ??
    (bare ? { templatePath: bare[1], line: Number(bare[2]), column: bare[3] === undefined ? undefined : Number(bare[3]) } : undefined);
  return new HelmBinaryError(message, location);
}

export interface HelmRunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Bound on stdout; huge charts fail with a clear message rather than exhausting memory. */
  maxBuffer?: number;
}

/** Runs `helm template`; resolves with stdout, rejects with HelmBinaryError (also on timeout/cancel). */
export function runHelmTemplate(helm: string, args: string[], options: HelmRunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      helm,
      args,
      { timeout: options.timeoutMs, signal: options.signal, maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if (options.signal?.aborted) return reject(new HelmBinaryError('rendering cancelled'));
        if ((error as NodeJS.ErrnoException & { killed?: boolean }).killed) {
          return reject(new HelmBinaryError(`helm template did not finish within ${Math.round(options.timeoutMs / 1000)} s`));
        }
        reject(stderr ? parseHelmStderr(stderr) : new HelmBinaryError(error.message));
      },
    );
  });
}
