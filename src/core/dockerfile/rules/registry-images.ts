/** Rules about base images, stages, COPY/ADD and multistage builds (keep sorted by id). */
import type { DockerfileRule } from '../check/rule';
import copyFromUnknownStage from './copy-from-unknown-stage';
import noLatestTag from './no-latest-tag';
import untaggedBaseImage from './untagged-base-image';

export const imageRules: DockerfileRule[] = [copyFromUnknownStage, noLatestTag, untaggedBaseImage];
