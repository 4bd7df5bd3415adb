import type { DockerfileRule } from '../check/rule';
import type { Stage } from '../model/types';
import { environmentValue, type RunCommand } from './util/commands';
import { cachedRunCommands } from './util/run-index';
import { runsInteractiveShell } from './util/stages';

/** Per package manager: the install subcommands without package names, and the flags that skip devDependencies. */
const MANAGERS: Record<string, { installs: string[]; production: RegExp; fix: string }> = {
  npm: { installs: ['ci', 'install', 'i'], production: /^--(omit(=dev)?|production|only=prod(uction)?)$/, fix: '--omit=dev' },
  yarn: { installs: ['install'], production: /^--prod(uction)?(=true)?$/, fix: '--production' },
  pnpm: { installs: ['install', 'i'], production: /^(--prod|-P)$/, fix: '--prod' },
};

/** Settings that make a plain install skip devDependencies. */
const PRODUCTION_ENV: Record<string, RegExp> = {
  NODE_ENV: /^production$/i,
  NPM_CONFIG_PRODUCTION: /^true$/i,
  NPM_CONFIG_OMIT: /dev/i,
  npm_config_omit: /dev/i,
};

/**
 * `npm ci` in the image that ships also installs devDependencies (test runners, bundlers, type
 * definitions): often more than the application itself. Install with `--omit=dev` (yarn
 * `--production`, pnpm `--prod`) or set `NODE_ENV=production`. Not reported: builder stages, a
 * later `npm prune --omit=dev`, stages that run a build script (they need the devDependencies; see
 * single-stage-build), and toolchain images without an application CMD.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'npm-dev-dependencies-in-final-stage',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'The final stage should install only production dependencies (`npm ci --omit=dev`).',
    practice: 'multistage',
    fixable: true,
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    if (!final || runsInteractiveShell(final)) return;
    const chain: Stage[] = [];
    for (let s: Stage | undefined = final; s; s = s.baseStage) chain.unshift(s);
    const runs = chain.flatMap((s) => cachedRunCommands(s.instructions));
    if (runs.some(isBuildScript)) return;
    runs.forEach((run, index) => {
      const manager = MANAGERS[run.name];
      const sub = run.args.find((a) => !a.value.startsWith('-'));
      if (!manager || !sub || !manager.installs.includes(sub.value)) return;
      if (run.args.some((a) => a !== sub && !a.value.startsWith('-') && run.args.indexOf(a) > run.args.indexOf(sub))) return; // named packages
      if (run.args.some((a, i) => manager.production.test(a.value) && (a.value !== '--omit' || run.args[i + 1]?.value === 'dev'))) return;
      if (productionEnv(run)) return;
      if (runs.slice(index + 1).some((r) => r.name === 'npm' && r.args[0]?.value === 'prune')) return;
      report({
        start: sub.start,
        end: sub.end,
        message: `\`${run.name} ${sub.value}\` also installs devDependencies into the final image; add \`${manager.fix}\` or set \`NODE_ENV=production\`.`,
        fixes: [{ title: `Add ${manager.fix}`, edits: [{ start: sub.end, end: sub.end, newText: ` ${manager.fix}` }], preferred: true }],
      });
    });
  },
};

function productionEnv(run: RunCommand): boolean {
  return Object.entries(PRODUCTION_ENV).some(([name, pattern]) => {
    const value = environmentValue(run, name);
    return value !== undefined && pattern.test(value);
  });
}

/** `npm run build`, `yarn build`, `pnpm run build`: the stage compiles the app and needs its devDependencies. */
function isBuildScript(run: RunCommand): boolean {
  if (!(run.name in MANAGERS)) return false;
  const words = run.args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
  const script = words[0] === 'run' || words[0] === 'run-script' ? words[1] : run.name === 'npm' ? undefined : words[0];
  return script !== undefined && /^(build|compile|bundle)(:|$)/.test(script);
}

export default rule;
