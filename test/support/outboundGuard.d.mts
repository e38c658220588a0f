/** Whether a test may connect to this host (see outboundGuard.mjs). */
export function isAllowedTestHost(host: string | undefined): boolean;
