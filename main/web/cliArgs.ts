/** Parses `clusterdeck web [--port N] [--data-dir DIR] [--host H]`; pure, so it is tested as a table. */

export interface WebCliArgs {
  port?: number;
  dataDir?: string;
  host?: string;
  help: boolean;
}

export const WEB_USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--host H]

  --port N        port to listen on (default 7780; 0 picks a free port)
  --data-dir DIR  where cluster profiles, logs and backups live
                  (default $XDG_DATA_HOME/clusterdeck or ~/.local/share/clusterdeck)
  --host H        address to bind (default 127.0.0.1). Anything else exposes the
                  console to your network: only do it on a network you trust.`;

export class CliArgsError extends Error {}

export function parseWebCliArgs(argv: readonly string[]): WebCliArgs {
  const out: WebCliArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new CliArgsError(`${name} needs a value.`);
      return next;
    };
    switch (name) {
      case '--port': {
        const raw = takeValue();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new CliArgsError(`--port must be a number from 0 to 65535, not "${raw}".`);
        out.port = port;
        break;
      }
      case '--data-dir':
        out.dataDir = takeValue();
        break;
      case '--host': {
        const host = takeValue().trim();
        if (host === '') throw new CliArgsError('--host needs an address, e.g. 127.0.0.1.');
        out.host = host;
        break;
      }
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new CliArgsError(`Unknown option "${arg}".`);
    }
  }
  return out;
}
