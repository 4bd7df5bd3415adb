import type { DockerfileRule } from '../check/rule';
import { cachedRunCommands } from './util/run-index';

/** `go install pkg` without `@version` fails outside a module, and `@latest` changes from build to build. */
const rule: DockerfileRule = {
  meta: {
    id: 'go-install-version',
    domain: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Pin the version in `go install <pkg>@<version>`.',
    practice: 'reproducibility',
    aliases: ['DL3062'],
  },
  check({ model, report }) {
    for (const run of cachedRunCommands(model.instructions)) {
      if ((run.name !== 'go' && run.name !== 'xx-go') || run.args[0]?.value !== 'install') continue;
      for (const word of run.args.slice(1)) {
        const value = word.value;
        if (value.startsWith('-') || !word.literal || value.startsWith('.') || value.startsWith('/') || (!value.includes('/') && !value.includes('@')))
          continue;
        const version = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : '';
        if (version && version !== 'latest') continue;
        report({ start: word.start, end: word.end, message: `\`${value}\` is not pinned; write \`${value.replace(/@latest$/, '')}@<version>\`.` });
      }
    }
  },
};
export default rule;
