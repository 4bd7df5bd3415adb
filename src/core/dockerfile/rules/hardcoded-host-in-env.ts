import type { DockerfileRule } from '../check/rule';
import { properties } from './util/env-properties';

const HOST_NAME = /(?:^|_)(?:HOST|HOSTNAME|ADDR|ADDRESS|SERVER|ENDPOINT|URL|URI|DSN)$/i;
const ADDRESS = /\b(?:(?:10|127)\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|localhost)\b/;

/**
 * `ENV DB_HOST=10.0.0.5` bakes one environment's address into the image: the same image cannot run in
 * staging and production, and `localhost` inside a container is the container itself. Leave the
 * default empty or use the service name on a shared network, and set it at run time.
 */
const rule: DockerfileRule = {
  meta: {
    id: 'hardcoded-host-in-env',
    domain: 'dockerfile',
    defaultSeverity: 'info',
    description: 'Addresses of other services should be set at run time, not baked into ENV.',
    practice: 'network',
  },
  check({ model, report }) {
    for (const property of properties(model, 'ENV')) {
      if (!property.value || !HOST_NAME.test(property.name.value)) continue;
      const match = ADDRESS.exec(property.value.value);
      if (!match) continue;
      report({
        start: property.value.start,
        end: property.value.end,
        message: `\`${property.name.value}\` points at \`${match[0]}\`, which only exists in one environment${match[0].startsWith('127.') || match[0] === 'localhost' ? ' (inside a container, localhost is the container itself)' : ''}; set it at run time or use a service name.`,
      });
    }
  },
};
export default rule;
