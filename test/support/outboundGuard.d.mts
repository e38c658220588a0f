/** Whether a test may connect to this host (see outboundGuard.mjs). */
export function isAllowedTestHost(host: string | undefined): boolean;
/** The hosts refused since the last call; clears the list. */
export function takeRefusedHosts(): string[];
