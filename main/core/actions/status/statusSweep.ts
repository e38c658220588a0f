/**
 * The status sweep of one node: ONE remote exec gathers the state of all the
 * node's services (`systemctl show` of every unit, `docker ps -a` and the
 * inspected state of compose containers, which compose files exist, which
 * tools are installed), and parseSweepOutput turns its output into a
 * ServiceStatus per service plus the node's facts.
 */
import type { ComposeService, NodeFacts, ServiceEntry, ServiceStatus, SystemdService, UnknownReason } from '../../../../common/contract/schemas/services';
import { parseInspectStates } from '../../catalog/dockerInspectState';
import { classifyDockerError, dockerProblemSentence } from '../../catalog/dockerErrors';
import { DOCKER_PS_ARGV, parseDockerPsJson } from '../../catalog/dockerPs';
import { remoteCommand, type RemoteCommand } from '../../catalog/remoteCommand';
import { buildSectionedScript, COMMAND_NOT_FOUND, parseSections, shArgv, type ScriptSection, type SectionOutput } from '../../catalog/sectionedScript';
import { COMPOSE_STATE_FUNCTION, PATHS_FUNCTION, TOOLS_FUNCTION } from '../../catalog/shellFunctions';
import { systemctlShowArgv } from '../../catalog/systemdShow';
import { composeFilePath, statusOfComposeService, type FileState } from './composeStatus';
import { serviceStatus, unknownStatus } from './serviceStatus';
import { statusesOfUnits } from './systemdStatus';

export const SWEEP_TOOLS = ['systemctl', 'docker', 'docker-compose'] as const;

export interface StatusSweepPlan {
  command: RemoteCommand;
  nonce: string;
}

export interface NodeSweep {
  facts: NodeFacts;
  statuses: ServiceStatus[];
}

interface SweepTargets {
  systemd: SystemdService[];
  compose: ComposeService[];
  units: string[];
  files: string[];
}

/** What to ask for, derived the same way when building and when parsing. */
function sweepTargets(services: readonly ServiceEntry[]): SweepTargets {
  const systemd = services.filter((s): s is SystemdService => s.kind === 'systemd');
  const compose = services.filter((s): s is ComposeService => s.kind === 'compose');
  return {
    systemd,
    compose,
    units: [...new Set(systemd.map((s) => s.unit))],
    files: [...new Set(compose.map(composeFilePath))],
  };
}

export function buildStatusSweep(services: readonly ServiceEntry[], options: { nonce: string; sudo?: boolean }): StatusSweepPlan {
  const t = sweepTargets(services);
  const sections: ScriptSection[] = [{ name: 'tools', argv: ['cd_tools', ...SWEEP_TOOLS] }];
  if (t.units.length) sections.push({ name: 'units', argv: systemctlShowArgv(t.units) });
  if (t.compose.length) {
    sections.push({ name: 'containers', argv: DOCKER_PS_ARGV });
    sections.push({ name: 'container-state', argv: ['cd_compose_state'] });
    sections.push({ name: 'compose-files', argv: ['cd_paths', ...t.files] });
  }
  const script = buildSectionedScript(sections, options.nonce, [TOOLS_FUNCTION, PATHS_FUNCTION, COMPOSE_STATE_FUNCTION]);
  return { command: remoteCommand(shArgv(script), { sudo: options.sudo ?? false }), nonce: options.nonce };
}

function parseTools(section: SectionOutput | undefined): Map<string, boolean> {
  const tools = new Map<string, boolean>();
  for (const line of section?.output.split('\n') ?? []) {
    const m = /^(\S+) (yes|no)$/.exec(line.trim());
    if (m?.[1]) tools.set(m[1], m[2] === 'yes');
  }
  return tools;
}

function parseFileStates(section: SectionOutput | undefined, files: readonly string[]): Map<string, FileState> {
  const lines = section?.output.split('\n').map((l) => l.trim()).filter(Boolean) ?? [];
  return new Map(files.map((f, i) => {
    const v = lines[i];
    return [f, v === 'readable' || v === 'unreadable' || v === 'absent' ? v : 'unknown'];
  }));
}

function composeStatuses(t: SweepTargets, sections: Map<string, SectionOutput>, hasDocker: boolean | null, now: Date): { statuses: ServiceStatus[]; access: NodeFacts['dockerAccess'] } {
  const ps = sections.get('containers');
  if (hasDocker === false || ps?.exitCode === COMMAND_NOT_FOUND) {
    return { access: 'missing', statuses: t.compose.map((s) => unknownStatus(s.id, 'not-installed', 'Docker is not installed on this node (no docker command), so its halfstack services cannot run here.')) };
  }
  if (!ps || ps.exitCode === null) {
    return { access: null, statuses: t.compose.map((s) => unknownStatus(s.id, 'error', 'The node stopped answering before docker ps reported (timeout or connection lost).')) };
  }
  const parsed = parseDockerPsJson(ps.output);
  if (ps.exitCode !== 0) {
    const problem = classifyDockerError(ps.output);
    if (problem === 'daemon-down') {
      return { access: 'daemon-down', statuses: t.compose.map((s) => serviceStatus(s.id, 'failed', dockerProblemSentence(problem))) };
    }
    const reason: UnknownReason = problem === 'permission' ? 'permission' : 'error';
    const detail = problem ? dockerProblemSentence(problem) : `docker ps failed (exit ${ps.exitCode}): ${parsed.messages.join(' ') || 'no message'}`;
    return { access: problem === 'permission' ? 'permission' : null, statuses: t.compose.map((s) => unknownStatus(s.id, reason, detail)) };
  }
  const inspected = parseInspectStates(sections.get('container-state')?.output ?? '');
  const files = parseFileStates(sections.get('compose-files'), t.files);
  return {
    access: 'ok',
    statuses: t.compose.map((s) => statusOfComposeService(s, parsed.containers, inspected, files.get(composeFilePath(s)) ?? 'unknown', now)),
  };
}

export function parseSweepOutput(stdout: string, services: readonly ServiceEntry[], options: { nonce?: string; now?: Date } = {}): NodeSweep {
  const sections = parseSections(stdout, options.nonce);
  const t = sweepTargets(services);
  const tools = parseTools(sections.get('tools'));
  const has = (tool: string) => (tools.has(tool) ? (tools.get(tool) as boolean) : null);
  const hasDocker = has('docker');
  const hasDockerCompose = has('docker-compose');
  const unitStatuses = t.systemd.length ? statusesOfUnits(t.systemd, sections.get('units'), has('systemctl')) : [];
  const compose = t.compose.length ? composeStatuses(t, sections, hasDocker, options.now ?? new Date()) : { statuses: [], access: null };
  const byId = new Map([...unitStatuses, ...compose.statuses].map((s) => [s.serviceId, s]));
  return {
    facts: {
      hasSystemctl: has('systemctl'),
      hasDocker,
      hasDockerCompose,
      composeCli: hasDockerCompose ? 'docker-compose' : hasDocker ? 'docker compose' : null,
      dockerAccess: hasDocker === false ? 'missing' : compose.access,
    },
    statuses: services.map((s) => byId.get(s.id) ?? unknownStatus(s.id, 'error', 'The sweep returned nothing for this service.')),
  };
}

/** When the exec itself failed (node down, login refused, sudo refused): every service is unknown, with why. */
export function failedSweep(services: readonly ServiceEntry[], reason: UnknownReason, message: string): NodeSweep {
  return {
    facts: { hasSystemctl: null, hasDocker: null, hasDockerCompose: null, composeCli: null, dockerAccess: null },
    statuses: services.map((s) => unknownStatus(s.id, reason, message)),
  };
}
