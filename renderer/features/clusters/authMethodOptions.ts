/** The SSH login methods and sudo modes as the forms list them, in the operators' words. */
import type { AuthMethod, SudoMode } from '../../../common/contract/schemas/profiles';

export const AUTH_METHOD_OPTIONS: { value: AuthMethod; label: string }[] = [
  { value: 'key', label: 'Private key file' },
  { value: 'agent', label: 'SSH agent' },
  { value: 'password', label: 'Password' },
  { value: 'keyboard-interactive', label: 'Keyboard-interactive (OTP)' },
];

export function authMethodLabel(method: AuthMethod): string {
  return AUTH_METHOD_OPTIONS.find((o) => o.value === method)?.label ?? method;
}

export const SUDO_MODE_OPTIONS: { value: SudoMode; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'nopasswd', label: 'Passwordless (NOPASSWD)' },
  { value: 'password', label: 'With the sudo password' },
  { value: 'none', label: 'Never use sudo' },
];
