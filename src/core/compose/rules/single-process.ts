/** The talk's "one process per container", for compose: no sshd, no supervisor, no `sh -c "a & b"`. */
import { multiProcessReason } from '../../rules/container-command';
import { serviceCommands } from '../model';
import type { ComposeRule } from '../rule';

export const singleProcess: ComposeRule = {
  meta: {
    id: 'compose-single-process',
    domain: 'compose',
    defaultSeverity: 'warning',
    description: 'Each service container should run one process; split extra processes into their own services.',
    practice: 'single-process',
  },
  check(project, report) {
    for (const { service, argv, field } of serviceCommands(project)) {
      const reason = multiProcessReason(argv);
      if (!reason) continue;
      report({ path: [...service.path, field], target: 'key', message: `Service "${service.name}" runs several processes (${reason}); run each in its own service.` });
    }
  },
};
