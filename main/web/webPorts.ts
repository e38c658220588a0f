/**
 * The CorePorts of the web form: paths below the data dir, the file log, the
 * OS user as the activity log's actor, and the (for now locked) secret cipher.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import packageJson from '../../package.json';
import type { CorePorts, Logger } from '../core/ports';
import { revealInFileManager } from './fileManager';
import { createWebSecretCipher } from './webSecretCipher';

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers).
    return process.env.USER ?? 'unknown';
  }
}

/** fileManager: the browser is on this machine (a loopback bind), so "Show in folder" may open its file manager. */
export function createWebPorts(dataDir: string, logger: Logger, options: { fileManager: boolean } = { fileManager: false }): CorePorts {
  const paths = {
    dataDir,
    backupsDir: path.join(dataDir, 'backups'),
    logsDir: path.join(dataDir, 'logs'),
    homeDir: os.homedir(),
  };
  // 0700: the data dir holds the operator's cluster inventory and sealed credentials.
  for (const dir of [paths.dataDir, paths.backupsDir, paths.logsDir]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    form: 'web',
    version: packageJson.version,
    paths,
    secrets: createWebSecretCipher(dataDir),
    now: () => new Date(),
    logger,
    actor: currentUser(),
    ...(options.fileManager ? { revealPath: revealInFileManager } : {}),
  };
}
