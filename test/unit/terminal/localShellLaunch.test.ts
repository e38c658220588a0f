import { describe, expect, it } from 'vitest';
import { localShellLaunch, localShellTitle } from '../../../main/core/terminal/localShellLaunch';

describe('localShellLaunch', () => {
  it("starts the operator's $SHELL in their home, falling back to bash then sh", () => {
    const launch = localShellLaunch('linux', { SHELL: '/usr/bin/fish', PATH: '/usr/bin', LANG: 'de_DE.UTF-8' }, '/home/ops');
    expect(launch.candidates).toEqual(['/usr/bin/fish', '/bin/bash', '/bin/sh']);
    expect(launch.args).toEqual([]);
    expect(launch.cwd).toBe('/home/ops');
    expect(launch.env).toMatchObject({ PATH: '/usr/bin', LANG: 'de_DE.UTF-8', TERM: 'xterm-256color', COLORTERM: 'truecolor' });
  });

  it('ignores an empty or relative $SHELL', () => {
    expect(localShellLaunch('linux', { SHELL: '' }, '/h').candidates).toEqual(['/bin/bash', '/bin/sh']);
    expect(localShellLaunch('linux', { SHELL: 'zsh' }, '/h').candidates).toEqual(['/bin/bash', '/bin/sh']);
  });

  it('starts a login shell on macOS, so PATH is set as in Terminal.app', () => {
    expect(localShellLaunch('darwin', { SHELL: '/bin/zsh' }, '/Users/ops').args).toEqual(['-l']);
  });

  it('asks for UTF-8 when the app was started without a locale, and keeps one that is set', () => {
    expect(localShellLaunch('darwin', {}, '/h').env.LANG).toBe('en_US.UTF-8');
    expect(localShellLaunch('linux', { LC_ALL: 'C.UTF-8' }, '/h').env.LANG).toBeUndefined();
  });

  it('drops what describes the terminal ClusterDeck itself was started from', () => {
    const env = localShellLaunch('linux', { TMUX: '/tmp/tmux-0/default,1,0', COLUMNS: '80', LINES: '24', ELECTRON_RUN_AS_NODE: '1', TERM: 'screen', HOME: '/h' }, '/h').env;
    expect(env).not.toHaveProperty('TMUX');
    expect(env).not.toHaveProperty('COLUMNS');
    expect(env).not.toHaveProperty('LINES');
    expect(env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    expect(env.TERM).toBe('xterm-256color');
    expect(env.HOME).toBe('/h');
  });

  it('starts PowerShell on Windows, then %ComSpec%, then cmd.exe', () => {
    const launch = localShellLaunch('win32', { SystemRoot: 'C:\\Windows', ComSpec: 'C:\\Windows\\system32\\cmd.exe' }, 'C:\\Users\\ops');
    expect(launch.candidates).toEqual([
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'C:\\Windows\\system32\\cmd.exe',
      'cmd.exe',
    ]);
    expect(launch.env).not.toHaveProperty('LANG');
  });

  it('names the tab after the shell', () => {
    expect(localShellTitle('/usr/bin/zsh')).toBe('zsh (local)');
    expect(localShellTitle('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')).toBe('powershell (local)');
  });
});
