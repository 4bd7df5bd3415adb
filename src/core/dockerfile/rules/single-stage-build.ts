import type { DockerfileRule } from '../check/rule';
import type { RunCommand } from './util/commands';
import { cachedRunCommands } from './util/run-index';
import { runsInteractiveShell } from './util/stages';

/** Commands that compile an application, by program and the subcommands that build. */
const BUILDS: Record<string, RegExp | true> = {
  go: /^build$/,
  mvn: /^(package|install|verify)$/,
  mvnw: /^(package|install|verify)$/,
  gradle: /^(build|assemble|bootJar|shadowJar|installDist)$/,
  gradlew: /^(build|assemble|bootJar|shadowJar|installDist)$/,
  cargo: /^build$/,
  dotnet: /^(publish|build)$/,
  npm: /^run$/,
  yarn: /^(build|run)$/,
  pnpm: /^(build|run)$/,
  make: true,
};

/**
 * A Dockerfile with one stage that compiles the application and then runs it ships the whole
 * toolchain and sources. A builder stage plus a slim runtime stage is the fix. Images that only
 * offer a shell or interpreter (toolchain images), and RUNs that purge their build packages in the
 * same step (the official images' idiom) are not reported.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'single-stage-build',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'An image that builds its application should do so in a separate builder stage.',
    practice: 'multistage',
  },
  check({ model, report }) {
    if (model.stages.length !== 1) return;
    const [stage] = model.stages;
    if (runsInteractiveShell(stage)) return;
    const runs = cachedRunCommands(stage.instructions);
    const build = runs.find((r) => isBuild(r) && !purgesInSameRun(runs, r));
    if (!build) return;
    report({
      start: build.nameWord.start,
      end: build.nameWord.end,
      message: `\`${build.name}\` builds the application in the only stage, so the toolchain ships with it; build in a builder stage and copy the result into a slim final stage.`,
    });
  },
};

function isBuild(run: RunCommand): boolean {
  const pattern = BUILDS[run.name];
  if (!pattern) return false;
  if (pattern === true) return !run.args.some((a) => a.value === 'install' || a.value === '-v' || a.value === '--version');
  const sub = run.args.find((a) => !a.value.startsWith('-'));
  if (!sub || !pattern.test(sub.value)) return false;
  if (run.name === 'npm' || run.name === 'yarn' || run.name === 'pnpm') {
    const script = sub.value === 'run' ? run.args[run.args.indexOf(sub) + 1]?.value : sub.value;
    return script === 'build';
  }
  return true;
}

function purgesInSameRun(runs: readonly RunCommand[], build: RunCommand): boolean {
  return runs.some(
    (r) =>
      r.instruction === build.instruction &&
      ((r.name === 'apt-get' && r.args.some((a) => a.value === 'purge' || a.value === 'autoremove')) ||
        (r.name === 'apk' && r.args.some((a) => a.value === 'del'))),
  );
}

export default rule;
