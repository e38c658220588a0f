import { describe, expect, it } from 'vitest';
import type { ComposeService, SystemdService } from '../../../common/contract/schemas/services';
import { TerminalShortcut, terminalMethods } from '../../../common/contract/schemas/terminal';
import type { DockerContainer } from '../../../main/core/catalog/dockerPs';
import { quoteArgv } from '../../../main/core/ssh/quoteArgv';
import {
  containerShellArgv,
  journalFollowArgv,
  journalUnitOf,
  pickServiceContainer,
  requireComposeService,
  shortcutLabel,
} from '../../../main/core/terminal/terminalShortcuts';

const postgres: ComposeService = {
  id: 'postgres',
  role: 'postgres',
  nodeId: 'n1',
  label: 'PostgreSQL',
  tier: 0,
  critical: true,
  optional: false,
  kind: 'compose',
  halfstackDir: '/home/lablup/halfstack',
  composeFile: 'docker-compose.hs.postgres.yaml',
  composeProject: 'halfstack',
  containerPatterns: ['halfstack-db'],
};
const manager: SystemdService = { id: 'manager', role: 'manager', nodeId: 'n1', label: 'Manager', tier: 1, critical: true, optional: false, kind: 'systemd', unit: 'backendai-manager.service' };
const container = (name: string, state: string): DockerContainer => ({ id: name, name, image: 'postgres:15', state, status: '', labels: {}, createdAt: '', ports: '' });

describe('terminal shortcuts', () => {
  it('builds the guide commands as argv that quote back to the same words', () => {
    expect(quoteArgv(containerShellArgv('halfstack-db'))).toBe('docker exec -it halfstack-db bash');
    expect(quoteArgv(journalFollowArgv('backendai-manager.service', true))).toBe('sudo journalctl -f -u backendai-manager.service');
    expect(journalFollowArgv('backendai-agent.service', false)).toEqual(['journalctl', '-f', '-u', 'backendai-agent.service']);
  });

  it('picks the running container of a service, the same one every time', () => {
    expect(pickServiceContainer(postgres, [container('pg-b', 'running'), container('pg-a', 'running'), container('pg-0', 'exited')], 'bai-m1')).toBe('pg-a');
  });

  it('says which container is stopped, or where it looked, when none runs', () => {
    expect(() => pickServiceContainer(postgres, [container('halfstack-db', 'exited')], 'bai-m1')).toThrow(
      'PostgreSQL on bai-m1 has no running container (halfstack-db is exited). Start the service, then open its shell again.',
    );
    expect(() => pickServiceContainer(postgres, [], 'bai-m1')).toThrow(/No container of PostgreSQL was found on bai-m1 \(looked for compose project halfstack and names like halfstack-db\)/);
  });

  it('refuses a journal for a container and a container shell for a unit', () => {
    expect(journalUnitOf(manager, 'bai-m1')).toBe('backendai-manager.service');
    expect(() => journalUnitOf(postgres, 'bai-m1')).toThrow(/runs in a container/);
    expect(() => requireComposeService(manager, 'bai-m1')).toThrow(/runs as the systemd unit backendai-manager.service/);
  });

  it('names shortcut tabs in operator words', () => {
    expect(shortcutLabel({ kind: 'container-shell', serviceId: 'postgres' }, postgres)).toBe('postgres shell');
    expect(shortcutLabel({ kind: 'journal', serviceId: 'manager' }, manager)).toBe('journal backendai-manager');
    expect(shortcutLabel({ kind: 'dbshell' })).toBe('dbshell');
  });

  it('accepts only the known shortcut kinds at the contract, never free argv', () => {
    const input = terminalMethods.openRemoteTerminal.input;
    expect(input.safeParse({ nodeId: 'n1', cols: 80, rows: 24, command: { kind: 'dbshell' } }).success).toBe(true);
    expect(input.safeParse({ nodeId: 'n1', cols: 80, rows: 24, command: { kind: 'argv', argv: ['rm', '-rf', '/'] } }).success).toBe(false);
    expect(TerminalShortcut.safeParse({ kind: 'container-shell', serviceId: 'x; rm -rf /' }).success).toBe(false);
    expect(TerminalShortcut.safeParse({ kind: 'dbshell', extra: 1 }).success).toBe(false);
  });
});
