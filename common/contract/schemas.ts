/**
 * Every call of the API, one zod schema pair each. Adding a call is one entry
 * in a domain file below plus one core method: preload, IPC, WebSocket and
 * the client all iterate METHODS.
 */
import type { z } from 'zod';
import { appMethods } from './schemas/app';
import { backupMethods } from './schemas/backups';
import { logMethods } from './schemas/logs';
import { preflightMethods } from './schemas/preflight';
import { profileMethods } from './schemas/profiles';
import { serviceMethods } from './schemas/services';
import { sshMethods } from './schemas/ssh';
import { terminalMethods } from './schemas/terminal';

export const schemas = {
  ...appMethods,
  ...profileMethods,
  ...sshMethods,
  ...terminalMethods,
  ...serviceMethods,
  ...logMethods,
  ...preflightMethods,
  ...backupMethods,
} as const;

export type MethodName = keyof typeof schemas;
export const METHODS = Object.keys(schemas).sort() as MethodName[];

export type MethodInput<M extends MethodName> = z.input<(typeof schemas)[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<(typeof schemas)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof schemas)[M]['output']>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(schemas, value);
}
