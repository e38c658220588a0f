/**
 * The commands behind the terminal shortcuts, as argv arrays (quoted later by
 * quoteArgv.ts, the only place a command line is built): a shell in a
 * service's container, a journal follow, the manager's database shell. Pure.
 */
import { ApiError } from '../../../common/contract/errors';
import type { ServiceEntry } from '../../../common/contract/schemas/services';
import type { TerminalShortcut } from '../../../common/contract/schemas/terminal';
import type { DockerContainer } from '../catalog/dockerPs';

export interface ShortcutCommand {
  argv: string[];
  /** Remote folder to start in (the manager folder for dbshell). */
  cwd?: string;
  /** For the tab title: "postgres shell", "journal backendai-agent". */
  label: string;
}

/** The guide's restore steps: "connect to the postgresql container via bash". */
export function containerShellArgv(container: string): string[] {
  return ['docker', 'exec', '-it', container, 'bash'];
}

/** sudo asks for its password inside the terminal when it needs one; the operator types it there. */
export function journalFollowArgv(unit: string, useSudo: boolean): string[] {
  const argv = ['journalctl', '-f', '-u', unit];
  return useSudo ? ['sudo', ...argv] : argv;
}

export const DBSHELL_ARGV = ['backend.ai', 'mgr', 'dbshell'];

/**
 * A running container of the service. Several (a scaled service): the first
 * by name, so the same one is picked every time.
 */
export function pickServiceContainer(service: ServiceEntry, containers: readonly DockerContainer[], nodeName: string): string {
  const running = containers.filter((c) => c.state === 'running').sort((a, b) => a.name.localeCompare(b.name));
  const first = running[0];
  if (first) return first.name;
  const stopped = containers[0];
  throw new ApiError(
    'not_found',
    stopped
      ? `${service.label} on ${nodeName} has no running container (${stopped.name} is ${stopped.state}). Start the service, then open its shell again.`
      : `No container of ${service.label} was found on ${nodeName} (looked for compose project ${service.kind === 'compose' ? service.composeProject : '?'} and names like ${service.kind === 'compose' ? service.containerPatterns.join(', ') : '?'}). Check the service settings of this cluster.`,
  );
}

export function shortcutLabel(shortcut: TerminalShortcut, service?: ServiceEntry): string {
  if (shortcut.kind === 'dbshell') return 'dbshell';
  const name = service?.id ?? shortcut.serviceId;
  return shortcut.kind === 'container-shell' ? `${name} shell` : `journal ${service?.kind === 'systemd' ? service.unit.replace(/\.service$/, '') : name}`;
}

/** The journal shortcut needs a systemd unit; a compose service has none. */
export function journalUnitOf(service: ServiceEntry, nodeName: string): string {
  if (service.kind === 'systemd') return service.unit;
  throw new ApiError(
    'invalid_input',
    `${service.label} on ${nodeName} runs in a container, not as a systemd unit, so it has no journal to follow. Open its container shell or its logs instead.`,
  );
}

/** The container shell needs a container; a systemd service has none. */
export function requireComposeService(service: ServiceEntry, nodeName: string): Extract<ServiceEntry, { kind: 'compose' }> {
  if (service.kind === 'compose') return service;
  throw new ApiError(
    'invalid_input',
    `${service.label} on ${nodeName} runs as the systemd unit ${service.unit}, not in a container. Open a plain terminal to ${nodeName} instead.`,
  );
}
