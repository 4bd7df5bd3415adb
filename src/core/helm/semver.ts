/**
 * Helm's IsCompatibleRange, for the two places Helm checks ranges while rendering: a dependency's
 * `version` against the subchart's Chart.yaml, and a chart's `kubeVersion` against the target
 * Kubernetes version. The constraint language is Masterminds/semver v3, which Sprig's `semverCompare`
 * already implements; an unparsable side makes the range incompatible, as in Helm.
 */
import { semverCompare } from '../sprig/semver';

export function isCompatibleRange(constraint: string, version: string): boolean {
  try {
    return semverCompare(constraint, version);
  } catch {
    return false;
  }
}
