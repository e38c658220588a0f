import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { initialMarkerState, markerCommand, stepMarker, type MarkerState } from '../../../main/core/ssh/processGroupMarker';

const nonce = 'ab12';
function feed(chunks: string[]) {
  let state: MarkerState = initialMarkerState;
  let out = '';
  let pgid: number | undefined;
  for (const c of chunks) {
    const step = stepMarker(state, c, nonce);
    state = step.state;
    out += step.passthrough;
    if (step.pgid !== undefined) pgid = step.pgid;
  }
  return { out, pgid, state };
}

describe('process group marker', () => {
  it('reads the group and removes the marker from stderr', () => {
    expect(feed(['[cd-pgid-ab12:4242]warning\n'])).toMatchObject({ out: 'warning\n', pgid: 4242 });
  });

  it('finds a marker split anywhere, even inside the digits', () => {
    expect(feed([...'[cd-pgid-ab12:4242]x'])).toMatchObject({ out: 'x', pgid: 4242 });
    expect(feed(['[cd-pgid-ab12:42', '42]', 'y'])).toMatchObject({ out: 'y', pgid: 4242 });
  });

  it('lets shell start-up noise before the marker through', () => {
    expect(feed(['bashrc: hello\n[cd-pg', 'id-ab12:7]rest'])).toMatchObject({ out: 'bashrc: hello\nrest', pgid: 7 });
  });

  it('passes later look-alikes through untouched', () => {
    expect(feed(['[cd-pgid-ab12:1]', '[cd-pgid-ab12:2]']).out).toBe('[cd-pgid-ab12:2]');
  });

  it('does not swallow text that only starts like the marker', () => {
    const r = feed(['[cd-p', 'ower]']);
    expect(r.out).toBe('[cd-power]');
    expect(r.pgid).toBeUndefined();
  });

  it('reads $$ of a real sh, and keeps its stdout apart', () => {
    const r = spawnSync('/bin/sh', ['-c', `${markerCommand(nonce)}echo out; echo err >&2`]);
    expect(r.stdout.toString()).toBe('out\n');
    expect(feed([r.stderr.toString()])).toMatchObject({ out: 'err\n', pgid: r.pid });
  });
});
