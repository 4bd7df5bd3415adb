/**
 * A password written into `environment` is in the repository and in `docker inspect`; use
 * `secrets`. The quick fix interpolates the variable from the shell or `.env` instead.
 */
import { asArray, asRecord, asString } from '../../rules/yaml-values';
import { isPlainSecret } from '../../rules/secret-values';
import { rangeOfPath } from '../../yaml/parse';
import type { ComposeRule } from '../rule';

export const secretInEnvironment: ComposeRule = {
  meta: {
    id: 'compose-secret-in-environment',
    domain: 'compose',
    defaultSeverity: 'warning',
    description: 'Secrets (passwords, tokens, keys) should come from `secrets` or the shell environment, not literal `environment` values.',
    practice: 'security',
    aliases: ['env-var-secret'],
    fixable: true,
  },
  check(project, report) {
    for (const service of project.services) {
      const environment = service.value.environment;
      const path = [...service.path, 'environment'];
      const flag = (name: string, at: (string | number)[], replacement: string) =>
        report({
          path: at,
          message: `\`${name}\` of service "${service.name}" holds a literal secret; use compose \`secrets\` or \`\${${name}}\` from the shell or an .env file.`,
          fixes: [
            {
              title: `Read ${name} from the environment (\${${name}})`,
              edits: [{ range: rangeOfPath(project.file, project.docIndex, at), newText: replacement }],
            },
          ],
        });
      if (Array.isArray(environment)) {
        asArray(environment).forEach((item, i) => {
          const text = asString(item);
          const eq = text?.indexOf('=') ?? -1;
          if (!text || eq <= 0) return;
          const name = text.slice(0, eq);
          if (isPlainSecret(name, text.slice(eq + 1))) flag(name, [...path, i], `${name}=\${${name}}`);
        });
      } else {
        for (const [name, value] of Object.entries(asRecord(environment) ?? {})) {
          if (isPlainSecret(name, value)) flag(name, [...path, name], `\${${name}}`);
        }
      }
    }
  },
};
