/**
 * What core is given from outside, so it runs the same in Electron, in the
 * web form and in tests: where files live, how secrets are sealed, the time,
 * and the log. Core never reaches for electron or process globals itself.
 */
export interface CorePaths {
  /** The app's data dir: the SQLite file, its pre-migration copies. */
  dataDir: string;
  /** Where backups go, one folder per cluster below it. */
  backupsDir: string;
  /** The app's own log files. */
  logsDir: string;
  /** The operator's home, for ~/.ssh/config and ~/.ssh/known_hosts. */
  homeDir: string;
}

/** Seals credentials at rest. Electron: safeStorage; web form: AES-256-GCM + scrypt. */
export interface SecretCipher {
  /** False until the web form's passphrase is given (or when the OS keychain is absent). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export interface CorePorts {
  form: 'desktop' | 'web';
  version: string;
  paths: CorePaths;
  secrets: SecretCipher;
  now: () => Date;
  logger: Logger;
  /** Who the activity log names as the actor (the OS user). */
  actor: string;
  /**
   * Starts a repeating timer for core's background work (scheduled backups)
   * and returns its stop. Absent: setInterval, unref'd so it never keeps the
   * process alive. Tests pass one they fire by hand, with a `now` they move.
   */
  every?(ms: number, run: () => void): () => void;
  /**
   * Shows a local file in the OS file manager (Electron: shell.showItemInFolder;
   * web form: the platform's file manager). Absent: the UI shows the path to copy.
   */
  revealPath?(path: string): Promise<void>;
}
