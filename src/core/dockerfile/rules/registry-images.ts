/** Rules about base images, stages, COPY/ADD and multistage builds (keep sorted by id). */
import type { DockerfileRule } from '../check/rule';
import addInsteadOfCopy from './add-instead-of-copy';
import addUrlWithoutChecksum from './add-url-without-checksum';
import buildToolsInFinalStage from './build-tools-in-final-stage';
import copyFromOwnStage from './copy-from-own-stage';
import copyFromUnknownStage from './copy-from-unknown-stage';
import copyIgnoredFile from './copy-ignored-file';
import copyMultipleSourcesDestSlash from './copy-multiple-sources-dest-slash';
import copyRelativeDestWithoutWorkdir from './copy-relative-dest-without-workdir';
import copySecretsIntoImage from './copy-secrets-into-image';
import copyWholeFilesystemFromStage from './copy-whole-filesystem-from-stage';
import dockerignoreMissing from './dockerignore-missing';
import duplicateStageName from './duplicate-stage-name';
import fatFinalBase from './fat-final-base';
import firstInstructionFrom from './first-instruction-from';
import fromAsCasing from './from-as-casing';
import fromPlatformConstant from './from-platform-constant';
import noLatestTag from './no-latest-tag';
import redundantTargetPlatform from './redundant-target-platform';
import reservedStageName from './reserved-stage-name';
import singleStageBuild from './single-stage-build';
import stageNameCasing from './stage-name-casing';
import undefinedArgInFrom from './undefined-arg-in-from';
import untaggedBaseImage from './untagged-base-image';
import untrustedRegistry from './untrusted-registry';
import unusedStage from './unused-stage';
import useAddForArchives from './use-add-for-archives';

export const imageRules: DockerfileRule[] = [
  addInsteadOfCopy,
  addUrlWithoutChecksum,
  buildToolsInFinalStage,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyMultipleSourcesDestSlash,
  copyRelativeDestWithoutWorkdir,
  copySecretsIntoImage,
  copyWholeFilesystemFromStage,
  dockerignoreMissing,
  duplicateStageName,
  fatFinalBase,
  firstInstructionFrom,
  fromAsCasing,
  fromPlatformConstant,
  noLatestTag,
  redundantTargetPlatform,
  reservedStageName,
  singleStageBuild,
  stageNameCasing,
  undefinedArgInFrom,
  untaggedBaseImage,
  untrustedRegistry,
  unusedStage,
  useAddForArchives,
];
