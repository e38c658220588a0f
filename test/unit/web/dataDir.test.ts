import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/web/dataDir';

describe('the web form data dir', () => {
  it('uses --data-dir first, made absolute', () => {
    expect(resolveDataDir('rel/dir', { XDG_DATA_HOME: '/xdg' }, '/home/op')).toBe(path.resolve('rel/dir'));
  });
  it('then $XDG_DATA_HOME/clusterdeck', () => {
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/xdg' }, '/home/op')).toBe('/xdg/clusterdeck');
  });
  it('ignores a relative XDG_DATA_HOME, as the XDG spec says', () => {
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: 'xdg' }, '/home/op')).toBe('/home/op/.local/share/clusterdeck');
  });
  it('else ~/.local/share/clusterdeck', () => {
    expect(resolveDataDir('', {}, '/home/op')).toBe('/home/op/.local/share/clusterdeck');
  });
});
