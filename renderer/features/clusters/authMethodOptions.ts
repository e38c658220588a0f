/** The SSH login methods and sudo modes as the forms list them, in the operators' words. */
import type { AuthMethod, SudoMode } from '../../../common/contract/schemas/profiles';

export const AUTH_METHOD_OPTIONS: { value: AuthMethod; label: string }[] = [
  { value: 'key', label: 'Private key file' },
  { value: 'agent', label: 'SSH agent' },
  { value: 'password', label: 'Password' },
  { value: 'keyboard-interactive', label: 'Keyboard-interactive (OTP)' },
];

export const SUDO_MODE_OPTIONS: { value: SudoMode; label: string }[] = [
  { value: 'auto', label: 'Detect (try without a password first)' },
  { value: 'nopasswd', label: 'No password needed (NOPASSWD)' },
  { value: 'password', label: 'Ask for the sudo password' },
  { value: 'none', label: 'Never use sudo' },
];
