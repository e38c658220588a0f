/**
 * `npm run web`: starts the web form and prints its URL with the token, like
 * Jupyter. Stops cleanly on Ctrl-C / SIGTERM, closing the store.
 */
import path from 'node:path';
import { CliArgsError, parseWebCliArgs, WEB_USAGE } from './cliArgs';
import { resolveDataDir } from './dataDir';
import { isLoopbackHost } from './servedOrigin';
import { DEFAULT_HOST, startWebServer } from './server';

async function main(): Promise<void> {
  let args;
  try {
    args = parseWebCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof CliArgsError)) throw err;
    console.error(`${err.message}\n\n${WEB_USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(WEB_USAGE);
    return;
  }
  const host = args.host ?? DEFAULT_HOST;
  if (!isLoopbackHost(host)) {
    console.warn(
      `WARNING: listening on ${host}, not only on this machine. Anyone who can reach it and learns the ` +
        'token can run every command on your clusters. Prefer an SSH tunnel to 127.0.0.1.',
    );
  }
  const server = await startWebServer({
    dataDir: resolveDataDir(args.dataDir),
    host,
    ...(args.port !== undefined ? { port: args.port } : {}),
    // dist/web/cli.js serves dist/renderer.
    rendererDir: path.join(__dirname, '..', 'renderer'),
    echoLog: true,
  });
  console.log(`ClusterDeck web form: ${server.url}`);
  console.log(`Data dir: ${server.dataDir}`);
  console.log(`Log file: ${server.logFile}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping ClusterDeck web form...`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Stopping failed: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
