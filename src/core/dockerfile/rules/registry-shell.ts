/** Rules about RUN: shell hygiene and package managers (keep sorted by id). */
import type { DockerfileRule } from '../check/rule';
import apkNoCache from './apk-no-cache';
import apkPin from './apk-pin';
import aptGetYes from './apt-get-yes';
import aptListCleanup from './apt-list-cleanup';
import aptNoInstallRecommends from './apt-no-install-recommends';
import aptPinVersions from './apt-pin-versions';
import aptUpdateAlone from './apt-update-alone';
import cdInsteadOfWorkdir from './cd-instead-of-workdir';
import consecutiveRun from './consecutive-run';
import curlPipeShell from './curl-pipe-shell';
import etcHostsEdit from './etc-hosts-edit';
import gemPin from './gem-pin';
import goInstallVersion from './go-install-version';
import npmDevDependenciesInFinalStage from './npm-dev-dependencies-in-final-stage';
import npmPin from './npm-pin';
import pipNoCache from './pip-no-cache';
import pipPin from './pip-pin';
import pipeWithoutPipefail from './pipe-without-pipefail';
import rpmCacheClean from './rpm-cache-clean';
import rpmInstallYes from './rpm-install-yes';
import rpmPinVersions from './rpm-pin-versions';
import runUsesUnnecessaryCommands from './run-uses-unnecessary-commands';
import shellLnInsteadOfShell from './shell-ln-instead-of-shell';
import useAptGetNotApt from './use-apt-get-not-apt';
import useraddWithoutL from './useradd-without-l';
import wgetAndCurl from './wget-and-curl';
import wgetWithoutProgress from './wget-without-progress';
import yarnCacheClean from './yarn-cache-clean';
import zypperNoDistUpgrade from './zypper-no-dist-upgrade';

export const shellRules: DockerfileRule[] = [
  apkNoCache,
  apkPin,
  aptGetYes,
  aptListCleanup,
  aptNoInstallRecommends,
  aptPinVersions,
  aptUpdateAlone,
  cdInsteadOfWorkdir,
  consecutiveRun,
  curlPipeShell,
  etcHostsEdit,
  gemPin,
  goInstallVersion,
  npmDevDependenciesInFinalStage,
  npmPin,
  pipNoCache,
  pipPin,
  pipeWithoutPipefail,
  rpmCacheClean,
  rpmInstallYes,
  rpmPinVersions,
  runUsesUnnecessaryCommands,
  shellLnInsteadOfShell,
  useAptGetNotApt,
  useraddWithoutL,
  wgetAndCurl,
  wgetWithoutProgress,
  yarnCacheClean,
  zypperNoDistUpgrade,
];
