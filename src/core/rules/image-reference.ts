/**
 * Whether a container image reference pins a version, the check hadolint calls DL3006/DL3007 and
 * kube-linter `latest-tag`. The reference grammar is the Dockerfile model's, shared so that a FROM
 * line and a pod `image:` are read alike.
 */
import { parseImageRef } from '../containers/image-ref';

/** Why the image floats (`latest` or no tag), or undefined when it is pinned or cannot be judged. */
export function floatingImageReason(reference: string): 'latest' | 'untagged' | undefined {
  // Templated or interpolated references are resolved elsewhere; judging them would be a guess.
  if (reference.includes('${') || reference.includes('{{') || reference.trim() === '') return undefined;
  const image = parseImageRef(reference.trim());
  if (image.digest) return undefined;
  if (image.tag === undefined || image.tag === '') return 'untagged';
  return image.tag === 'latest' ? 'latest' : undefined;
}
