/** A node's preflight verdict: hardware first (what cannot be fixed by an install), then host packages. */
import type { Role } from '../../../../common/contract/schemas/profiles';
import { hardwareChecks } from './hardwareChecks';
import type { HostFacts } from './hostFacts';
import { packageChecks } from './packageChecks';
import type { CheckStatus, PreflightCheck } from './preflightCheck';

export function judgePreflight(facts: HostFacts, roles: readonly Role[]): PreflightCheck[] {
  return [...hardwareChecks(facts, roles), ...packageChecks(facts, roles)];
}

export function overallStatus(checks: readonly PreflightCheck[]): CheckStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  return checks.some((c) => c.status === 'warn') ? 'warn' : 'pass';
}
