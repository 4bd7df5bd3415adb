/** Containers must name a pinned image: `:latest` or no tag makes every rollout a different build. */
import { asString } from '../../rules/yaml-values';
import { floatingImageReason } from '../../rules/image-reference';
import { containersOf } from '../pod-spec';
import type { KubernetesRule } from '../rule';

export const imageLatest: KubernetesRule = {
  meta: {
    id: 'k8s-image-latest',
    domain: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'Container images must be pinned to a version tag or digest, not `:latest` or untagged.',
    practice: 'reproducibility',
    aliases: ['latest-tag', 'container-image-tag', 'CKV_K8S_14'],
  },
  check(object, context) {
    for (const ref of containersOf(object)) {
      const image = asString(ref.container.image);
      const reason = image !== undefined ? floatingImageReason(image) : undefined;
      if (!reason) continue;
      const what = reason === 'latest' ? 'uses the `latest` tag' : 'has no tag, so it means `latest`';
      context.report({ path: [...ref.path, 'image'], message: `Image \`${image}\` of container "${ref.name}" ${what}; pin a version or digest.` });
    }
  },
};
