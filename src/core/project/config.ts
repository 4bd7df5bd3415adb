/**
 * The options of each folder: the nearest `.shipshape.yaml` / `.hadolint.yaml` (or an explicit
 * `--config`), with the caller's settings (editor settings, CLI flags) on top. Read once per folder
 * and kept until a config file changes; problems in a config file are reported once per read.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { loadConfig, mergeOptions } from '../config/load';
import type { CheckOptions } from '../config/options';

export class ConfigCache {
  private readonly byDir = new Map<string, CheckOptions>();

  constructor(
    private settings: CheckOptions,
    private readonly configFile: string | undefined,
    /** CRD folders in settings are relative to this folder (the workspace's, or the CLI's cwd). */
    private readonly baseDir: string,
    private readonly report: (problem: string) => void,
  ) {}

  optionsFor(file: string): CheckOptions {
    const dir = dirname(resolve(file));
    let options = this.byDir.get(dir);
    if (!options) {
      const loaded = loadConfig(dir, this.configFile);
      for (const problem of loaded.problems) this.report(problem);
      options = mergeOptions(loaded.options, this.settings);
      if (options.crdDirs) options = { ...options, crdDirs: options.crdDirs.map((d) => (isAbsolute(d) ? d : resolve(this.baseDir, d))) };
      this.byDir.set(dir, options);
    }
    return options;
  }

  /** A config file was created, changed or deleted, or settings changed: read again when next asked. */
  invalidate(settings?: CheckOptions): void {
    if (settings) this.settings = settings;
    this.byDir.clear();
  }
}
