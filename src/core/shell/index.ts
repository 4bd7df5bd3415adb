/** Shell analysis shared by every checker that reads shell code (Dockerfile RUN/CMD, Kubernetes `command`, compose `command`). */
export { parseShellScript } from './parser';
export type { ShellScript, ShellCommand, ShellWord, ShellOperator, ShellRedirect, ShellAssignment } from './types';
