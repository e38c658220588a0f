/**
 * "Scan node": one exec that lists what Backend.AI left on a node, so a new
 * cluster is set up from what is there: backendai-* units (loaded and
 * installed), every container with its compose labels, and the files in the
 * halfstack dir. scanProposal.ts turns the result into roles and overrides.
 */
import { DOCKER_PS_ARGV, parseDockerPsJson, type DockerContainer } from './dockerPs';
import { remoteCommand, type RemoteCommand } from './remoteCommand';
import { buildSectionedScript, parseSections, shArgv, type SectionOutput } from './sectionedScript';
import { LIST_DIR_FUNCTION, TOOLS_FUNCTION } from './shellFunctions';
import { parseListUnitFiles, parseListUnits, type ListedUnit, type ListedUnitFile } from './systemdUnitLists';

export const UNIT_GLOB = 'backendai-*';

export function buildNodeScan(options: { nonce: string; halfstackDir: string; sudo?: boolean }): RemoteCommand {
  const script = buildSectionedScript(
    [
      { name: 'tools', argv: ['cd_tools', 'systemctl', 'docker', 'docker-compose'] },
      { name: 'unit-list', argv: ['systemctl', 'list-units', '--type=service', '--all', '--no-legend', '--plain', '--no-pager', UNIT_GLOB] },
      { name: 'unit-files', argv: ['systemctl', 'list-unit-files', '--type=service', '--no-legend', '--no-pager', UNIT_GLOB] },
      { name: 'containers', argv: DOCKER_PS_ARGV },
      { name: 'halfstack-files', argv: ['cd_ls', options.halfstackDir] },
    ],
    options.nonce,
    [TOOLS_FUNCTION, LIST_DIR_FUNCTION],
  );
  return remoteCommand(shArgv(script), { sudo: options.sudo ?? false });
}

export interface NodeScan {
  tools: Map<string, boolean>;
  units: ListedUnit[];
  unitFiles: ListedUnitFile[];
  containers: DockerContainer[];
  /** null when docker could not be asked; the reason is in dockerMessage. */
  dockerMessage: string | null;
  /** null when the halfstack dir does not exist. */
  halfstackFiles: string[] | null;
}

function ok(section: SectionOutput | undefined): boolean {
  return section !== undefined && section.exitCode === 0;
}

export function parseNodeScan(stdout: string, nonce?: string): NodeScan {
  const sections = parseSections(stdout, nonce);
  const tools = new Map<string, boolean>();
  for (const line of sections.get('tools')?.output.split('\n') ?? []) {
    const m = /^(\S+) (yes|no)$/.exec(line.trim());
    if (m?.[1]) tools.set(m[1], m[2] === 'yes');
  }
  const ps = sections.get('containers');
  const parsedPs = parseDockerPsJson(ps?.output ?? '');
  const files = sections.get('halfstack-files');
  return {
    tools,
    units: ok(sections.get('unit-list')) ? parseListUnits(sections.get('unit-list')?.output ?? '') : [],
    unitFiles: ok(sections.get('unit-files')) ? parseListUnitFiles(sections.get('unit-files')?.output ?? '') : [],
    containers: parsedPs.containers,
    dockerMessage: ok(ps) ? null : parsedPs.messages.join(' ') || 'docker did not answer',
    halfstackFiles: ok(files) ? (files?.output ?? '').split('\n').map((l) => l.trim()).filter(Boolean) : null,
  };
}
