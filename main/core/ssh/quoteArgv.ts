/**
 * The one place a remote command line is built: an argv array becomes a
 * string that a POSIX sh (sh, dash, bash, zsh, ksh as login shell) splits back
 * into exactly the same words. csh/fish login shells are not supported.
 */
import { ApiError } from '../../../common/contract/errors';

// Words made only of these characters mean the same quoted or not. '=' is
// left out on purpose: an unquoted leading `A=b` would be read as a variable
// assignment instead of a command name. '~' and '#' are left out (expansion,
// comment).
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-]+$/;

/** Quote one word: inside single quotes nothing is special except the quote itself. */
export function quoteArg(arg: string): string {
  if (arg.includes('\0')) {
    throw new ApiError('invalid_input', 'A command argument contains a NUL byte, which no remote shell can pass on.');
  }
  if (SAFE_WORD.test(arg)) return arg;
  // ' ends the quoted run, \' is a literal quote, ' opens a new run.
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Join argv into one sh command line. An empty argv is a programming error. */
export function quoteArgv(argv: readonly string[]): string {
  if (argv.length === 0) throw new ApiError('invalid_input', 'No command was given to run.');
  return argv.map(quoteArg).join(' ');
}

/**
 * The `cd` before a command run in a folder. A leading `~` or `~/` means the
 * login user's home, as operators write it in profiles (`~/halfstack`): it
 * becomes "$HOME", the only expansion this module ever lets through.
 */
export function quoteChangeDir(dir: string): string {
  if (dir === '~') return 'cd -- "$HOME"';
  if (dir.startsWith('~/')) return `cd -- "$HOME"/${quoteArg(dir.slice(2) || '.')}`;
  return quoteArgv(['cd', '--', dir]);
}
