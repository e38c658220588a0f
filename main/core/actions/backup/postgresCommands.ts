/**
 * The argv that reach PostgreSQL inside its container. The password never
 * appears in an argv: it is the first line of stdin, read by a `sh` inside
 * the container into PGPASSWORD before exec'ing the client. `docker exec -e
 * PGPASSWORD=...` would show it in `ps` on the node to every user;
 * `-e PGPASSWORD` (taken from the caller's env) needs the variable on the
 * node, which sshd's AcceptEnv normally refuses and `sudo docker` strips.
 * `read` takes one line byte by byte, so what follows on stdin (a dump to
 * restore, SQL) reaches psql untouched.
 */

/** Reads line 1 of stdin into PGPASSWORD, then runs the rest as the container's command. */
const WITH_PASSWORD = 'IFS= read -r PGPASSWORD && export PGPASSWORD && exec "$@"';

export function inContainerWithPassword(container: string, argv: readonly string[]): string[] {
  return ['docker', 'exec', '-i', container, 'sh', '-c', WITH_PASSWORD, 'sh', ...argv];
}

export function pgDumpallArgv(container: string): string[] {
  return inContainerWithPassword(container, ['pg_dumpall', '-U', 'postgres']);
}

/** psql that stops at the first error; -X ignores a ~/.psqlrc in the container. */
export function psqlArgv(container: string, database = 'postgres', extra: readonly string[] = []): string[] {
  return inContainerWithPassword(container, ['psql', '-X', '-q', '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', ...extra]);
}

/**
 * Runs on the node: line 1 of stdin is the password, FILE (a dump uploaded
 * to the node) follows it into psql. `printf` is a shell builtin, so the
 * password is in no process's argv on the node either.
 */
const PIPE_FILE = 'f="$1"; shift; IFS= read -r pw && { printf "%s\\n" "$pw"; cat -- "$f"; } | "$@"';

export function psqlFromNodeFileArgv(container: string, nodeFile: string): string[] {
  // $1 is the file; after the shift "$@" is the docker argv. `-f -`: psql
  // prefixes its errors with "psql:<stdin>:LINE:" only when told the script
  // is a file; plain stdin gives no line, and the restore could not show where it stopped.
  return ['sh', '-c', PIPE_FILE, 'sh', nodeFile, ...psqlArgv(container, 'postgres', ['-f', '-'])];
}

export function passwordLine(password: string): string {
  return `${password}\n`;
}

/** Lines of PostgreSQL's stderr that mean the run failed (not NOTICE/WARNING chatter). */
export function errorLinesOf(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /\b(error|fatal|panic)\b:?/i.test(l));
}

export function isPasswordRefusal(stderr: string): boolean {
  return /password authentication failed|no password supplied/i.test(stderr);
}
