/**
 * Which program a local terminal runs, with which arguments and environment:
 * the operator's own shell in their home folder, announced as xterm-256color.
 * Pure, so each platform's answer is tested here without spawning anything.
 */

export interface ShellLaunch {
  /** Tried in order; the first one that exists is started. */
  candidates: string[];
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

// Variables that describe the terminal ClusterDeck was started from, not the one it opens
// (node-pty drops the same ones when it builds the env itself).
const INHERITED_TERMINAL_VARS = ['TMUX', 'TMUX_PANE', 'STY', 'WINDOW', 'WINDOWID', 'TERMCAP', 'COLUMNS', 'LINES'];
// Would make an Electron app started from this shell (VS Code's `code`) run as plain Node.
const ELECTRON_VARS = ['ELECTRON_RUN_AS_NODE', 'ELECTRON_NO_ATTACH_CONSOLE'];

export function localShellLaunch(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homeDir: string,
): ShellLaunch {
  const shellEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !INHERITED_TERMINAL_VARS.includes(key) && !ELECTRON_VARS.includes(key)) shellEnv[key] = value;
  }
  // What xterm.js emulates; COLORTERM tells programs it draws 24-bit colour.
  shellEnv.TERM = 'xterm-256color';
  shellEnv.COLORTERM = 'truecolor';
  shellEnv.TERM_PROGRAM = 'ClusterDeck';

  if (platform === 'win32') {
    // PowerShell ships with every supported Windows and is what current docs assume; cmd.exe is the fallback.
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT;
    const candidates = [
      ...(systemRoot ? [`${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`] : []),
      ...(env.ComSpec ? [env.ComSpec] : []),
      'cmd.exe',
    ];
    return { candidates, args: [], cwd: homeDir, env: shellEnv };
  }

  // An app started from Finder or a desktop menu often has no locale, and the shell would then
  // print non-ASCII as '?'; output is decoded as UTF-8, so ask for it.
  if (!env.LC_ALL && !env.LC_CTYPE && !env.LANG) shellEnv.LANG = 'en_US.UTF-8';
  const own = env.SHELL && env.SHELL.startsWith('/') ? [env.SHELL] : [];
  const candidates = [...new Set([...own, '/bin/bash', '/bin/sh'])];
  // macOS terminals start login shells: that is how /etc/zprofile's path_helper sets PATH
  // for an app that was started from Finder with the bare launchd PATH.
  const args = platform === 'darwin' ? ['-l'] : [];
  return { candidates, args, cwd: homeDir, env: shellEnv };
}

/** "bash (local)" for the tab title. */
export function localShellTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return `${base.replace(/\.exe$/i, '')} (local)`;
}
