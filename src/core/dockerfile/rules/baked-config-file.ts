import type { DockerfileRule } from '../check/rule';

const CONFIG_FILE = /(^|\/)(\.env(\.[\w-]+)?|[\w.-]+\.env|settings(_\w+)?\.py|application(-\w+)?\.(properties|ya?ml)|appsettings(\.\w+)?\.json|config\.(json|ya?ml|toml|ini)|[\w.-]+\.(conf|cnf|ini|cfg|properties|toml))$/i;

/**
 * Configuration copied into the image ties it to one environment; the talk's rule is to configure
 * containers through environment variables, or mount the file at run time (a volume, a ConfigMap).
 * Info level: shipping a sensible default config is legitimate, overriding it should stay possible.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'baked-config-file',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Environment-specific configuration should come from environment variables or a mounted file, not be copied into the image.',
    practice: 'config-env',
  },
  check({ model, report }) {
    const final = model.stages.at(-1);
    for (const instruction of final?.instructions ?? []) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (instruction.flags.some((f) => f.name === 'from')) continue; // artefacts of a build stage
      for (const source of instruction.args.slice(0, -1)) {
        if (!CONFIG_FILE.test(source.value) || /\.(example|sample|dist|template|tmpl)$/i.test(source.value)) continue;
        report({ start: source.start, end: source.end, message: `\`${source.value}\` bakes configuration into the image; read settings from environment variables or mount this file at run time.` });
      }
    }
  },
};
export default rule;
