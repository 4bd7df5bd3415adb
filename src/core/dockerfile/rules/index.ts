/**
 * Every Dockerfile rule, in three registries by area so they can grow independently:
 * images and stages, shell and packages, process and configuration. Ids are unique across all.
 */
import type { DockerfileRule } from '../check/rule';
import { imageRules } from './registry-images';
import { shellRules } from './registry-shell';
import { runtimeRules } from './registry-runtime';

export const dockerfileRules: readonly DockerfileRule[] = [...imageRules, ...shellRules, ...runtimeRules];
