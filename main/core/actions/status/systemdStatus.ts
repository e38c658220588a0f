/**
 * A systemd unit's service state from `systemctl show`. ActiveState and
 * SubState as systemd(1) and org.freedesktop.systemd1(5) define them;
 * `activating (auto-restart)` is a unit waiting RestartSec to start again.
 */
import type { SystemdService, ServiceStatus } from '../../../../common/contract/schemas/services';
import type { SectionOutput } from '../../catalog/sectionedScript';
import { COMMAND_NOT_FOUND } from '../../catalog/sectionedScript';
import { findUnit, parseSystemctlShow, type UnitProperties } from '../../catalog/systemdShow';
import { serviceStatus, unknownStatus } from './serviceStatus';

function describe(u: UnitProperties): string {
  const result = u.result && u.result !== 'success' ? ` (Result: ${u.result})` : '';
  return `${u.activeState} (${u.subState})${result}`;
}

export function statusOfUnit(service: SystemdService, u: UnitProperties): ServiceStatus {
  const since = u.stateChangedAt ?? u.startedAt;
  const facts = { since, mainPid: u.mainPid, restarts: u.restarts };
  if (u.loadState === 'not-found') return unknownStatus(service.id, 'not-installed', `Unit ${service.unit} is not installed on this node.`);
  if (u.loadState === 'masked') return serviceStatus(service.id, 'stopped', `Unit ${service.unit} is masked: it cannot be started until it is unmasked.`, facts);
  if (u.loadState === 'error' || u.loadState === 'bad-setting') {
    return serviceStatus(service.id, 'failed', `Unit ${service.unit} could not be loaded (${u.loadState}); check it with \`systemctl status ${service.unit}\`.`, facts);
  }
  const detail = describe(u);
  switch (u.activeState) {
    case 'active':
    case 'reloading':
      return serviceStatus(service.id, 'running', detail, facts);
    case 'activating':
      return serviceStatus(service.id, u.subState.startsWith('auto-restart') ? 'restarting' : 'starting', detail, facts);
    case 'deactivating':
      return serviceStatus(service.id, 'stopping', detail, facts);
    case 'failed':
      return serviceStatus(service.id, 'failed', detail, facts);
    case 'inactive':
    case 'maintenance':
      return serviceStatus(service.id, 'stopped', detail, facts);
    default:
      return unknownStatus(service.id, 'error', `systemctl reported an unexpected state for ${service.unit}: ${detail}.`);
  }
}

/** Statuses of all systemd services of a node from the one `systemctl show` section. */
export function statusesOfUnits(services: readonly SystemdService[], section: SectionOutput | undefined, hasSystemctl: boolean | null): ServiceStatus[] {
  if (hasSystemctl === false || section?.exitCode === COMMAND_NOT_FOUND) {
    return services.map((s) => unknownStatus(s.id, 'not-installed', 'This node has no systemctl, so it does not run systemd services.'));
  }
  if (!section || section.exitCode === null) {
    return services.map((s) => unknownStatus(s.id, 'error', 'The node stopped answering before systemctl reported (timeout or connection lost).'));
  }
  const parsed = parseSystemctlShow(section.output);
  const message = parsed.messages.join(' ').trim();
  if (section.exitCode !== 0 && parsed.units.length === 0) {
    if (/not been booted with systemd|System has not been booted/i.test(message)) {
      return services.map((s) => unknownStatus(s.id, 'not-installed', 'This node does not run systemd (it was not booted with it), so there are no units to check.'));
    }
    const reason = /permission denied|access denied|not allowed/i.test(message) ? 'permission' : 'error';
    return services.map((s) => unknownStatus(s.id, reason, `systemctl show failed (exit ${section.exitCode}): ${message || 'no message'}`));
  }
  return services.map((s) => {
    const unit = findUnit(parsed.units, s.unit);
    return unit ? statusOfUnit(s, unit) : unknownStatus(s.id, 'error', `systemctl show printed nothing for ${s.unit}.`);
  });
}
