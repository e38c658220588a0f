/**
 * Logs: following and reading journald units and compose services on a node.
 * Lines are pushed as events in batches; calls only open, page and close.
 */

/** The log calls; merged in schemas.ts. */
export const logMethods = {} as const;
/** Pushed log events; merged in events.ts. */
export const logEvents = {} as const;
