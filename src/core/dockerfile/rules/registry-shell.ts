/** Rules about RUN: shell hygiene and package managers (keep sorted by id). */
import type { DockerfileRule } from '../check/rule';
import aptNoInstallRecommends from './apt-no-install-recommends';

export const shellRules: DockerfileRule[] = [aptNoInstallRecommends];
