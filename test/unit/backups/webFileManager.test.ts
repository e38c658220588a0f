import { describe, expect, it } from 'vitest';
import { fileManagerCommand, launchFileManager } from '../../../main/web/fileManager';

describe("the web form's file manager for Show in folder", () => {
  const file = '/home/op/ClusterDeck/backups/Acme-1234/pg-20260301T090000Z-abcd.sql.gz';

  it('opens the folder on Linux and selects the file on macOS and Windows, as argv', () => {
    expect(fileManagerCommand(file, 'linux')).toMatchObject({ command: 'xdg-open', args: ['/home/op/ClusterDeck/backups/Acme-1234'] });
    expect(fileManagerCommand(file, 'darwin')).toMatchObject({ command: 'open', args: ['-R', '--', file] });
    expect(fileManagerCommand('C:\\Users\\op\\b c\\x.sql', 'win32')).toMatchObject({ command: 'explorer.exe', args: ['/select,', 'C:\\Users\\op\\b c\\x.sql'], exitCodeMeansFailure: false });
  });

  it('resolves when the launcher starts, and rejects with a sentence when it is missing or fails', async () => {
    await expect(launchFileManager({ command: 'true', args: [], exitCodeMeansFailure: true })).resolves.toBeUndefined();
    await expect(launchFileManager({ command: 'sh', args: ['-c', 'echo "www-browser: not found" >&2; echo "no method available" >&2; exit 3'], exitCodeMeansFailure: true })).rejects.toThrow('sh exited with 3: no method available');
    await expect(launchFileManager({ command: 'sh', args: ['-c', 'exit 1'], exitCodeMeansFailure: false })).resolves.toBeUndefined();
    await expect(launchFileManager({ command: 'cd-no-such-file-manager', args: [], exitCodeMeansFailure: true })).rejects.toThrow('cd-no-such-file-manager is not installed on this machine');
  });

  it('never runs a path through a shell', async () => {
    // With a shell, `;` would end `test` and `exit 0` would succeed; as argv it is one odd file name that does not exist.
    await expect(launchFileManager({ command: 'test', args: ['-e', '/x; exit 0'], exitCodeMeansFailure: true })).rejects.toThrow('test exited with 1');
  });
});
