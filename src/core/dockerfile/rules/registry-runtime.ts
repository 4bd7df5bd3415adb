/** Rules about what the container runs and how it is configured: CMD/ENTRYPOINT, USER, ENV, EXPOSE, syntax (keep sorted by id). */
import type { DockerfileRule } from '../check/rule';
import bakedConfigFile from './baked-config-file';
import emptyContinuationLine from './empty-continuation-line';
import envSelfReference from './env-self-reference';
import execFormCmd from './exec-form-cmd';
import exposeHostMapping from './expose-host-mapping';
import exposePortRange from './expose-port-range';
import exposeProtocol from './expose-protocol';
import exposeSshPort from './expose-ssh-port';
import finalUserRoot from './final-user-root';
import hardcodedHostInEnv from './hardcoded-host-in-env';
import instructionCasing from './instruction-casing';
import jsonSingleQuotes from './json-single-quotes';
import keepAliveCommand from './keep-alive-command';
import labelKeyFormat from './label-key-format';
import legacyEnvFormat from './legacy-env-format';
import loopbackBind from './loopback-bind';
import maintainerDeprecated from './maintainer-deprecated';
import missingUser from './missing-user';
import multipleCmd from './multiple-cmd';
import multipleEntrypoint from './multiple-entrypoint';
import multipleHealthcheck from './multiple-healthcheck';
import multipleProcesses from './multiple-processes';
import numericUser from './numeric-user';
import onbuildInvalidTrigger from './onbuild-invalid-trigger';
import passwordSetAtBuild from './password-set-at-build';
import processSupervisor from './process-supervisor';
import secretInEnvOrArg from './secret-in-env-or-arg';
import secretValueInImage from './secret-value-in-image';
import serviceStartInCmd from './service-start-in-cmd';
import shellSyntaxError from './shell-syntax-error';
import shellWrapperWithoutExec from './shell-wrapper-without-exec';
import sshKeysInImage from './ssh-keys-in-image';
import sshServer from './ssh-server';
import stopsignalInvalid from './stopsignal-invalid';
import sudoUsage from './sudo-usage';
import unknownFlag from './unknown-flag';
import unknownInstruction from './unknown-instruction';
import workdirRelative from './workdir-relative';

export const runtimeRules: DockerfileRule[] = [
  bakedConfigFile,
  emptyContinuationLine,
  envSelfReference,
  execFormCmd,
  exposeHostMapping,
  exposePortRange,
  exposeProtocol,
  exposeSshPort,
  finalUserRoot,
  hardcodedHostInEnv,
  instructionCasing,
  jsonSingleQuotes,
  keepAliveCommand,
  labelKeyFormat,
  legacyEnvFormat,
  loopbackBind,
  maintainerDeprecated,
  missingUser,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  multipleProcesses,
  numericUser,
  onbuildInvalidTrigger,
  passwordSetAtBuild,
  processSupervisor,
  secretInEnvOrArg,
  secretValueInImage,
  serviceStartInCmd,
  shellSyntaxError,
  shellWrapperWithoutExec,
  sshKeysInImage,
  sshServer,
  stopsignalInvalid,
  sudoUsage,
  unknownFlag,
  unknownInstruction,
  workdirRelative,
];
