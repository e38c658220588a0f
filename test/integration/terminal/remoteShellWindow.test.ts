/**
 * What a paused terminal lets pile up in front of a keystroke's echo on a
 * lab node: the renderer stops acknowledging mid-flood, main pauses the
 * channel, a key is typed; once the renderer catches up, everything that
 * arrives before the key's echo was queued ahead of it (in ssh2, sshd and
 * the PTY). ssh2's channel window is 2 MiB; without grantNoWindowWhilePaused
 * (remoteShell.ts) ssh2 buffered up to another 2 MiB while paused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGH_WATER_BYTES } from '../../../main/core/terminal/flowControl';
import { createLabTerminals, waitFor, type LabTerminals } from './labTerminals';

const MiB = 1024 * 1024;
/** ssh2's fixed channel window (node_modules/ssh2/lib/Channel.js MAX_WINDOW). */
const SSH2_WINDOW_BYTES = 2 * MiB;
/** What sshd reads from the PTY beyond the window in one go, plus the PTY's own buffers. */
const SSHD_AND_PTY_SLACK = 256 * 1024;

let t: LabTerminals;
const say = (line: string) => process.stderr.write(`remote terminal window: ${line}\n`);

beforeAll(() => {
  t = createLabTerminals();
});
afterAll(async () => {
  await t?.close();
});

describe('a paused remote terminal', () => {
  it('holds no more than the ssh channel window ahead of a keystroke echo', { timeout: 90_000 }, async () => {
    const { terminalId } = await t.calls.openRemoteTerminal({ nodeId: 'bai-m1', cols: 80, rows: 24 });
    const r = t.rendererOf(terminalId);
    await t.calls.writeTerminal({ terminalId, data: "PS1='cd''prompt> '\r" });
    await waitFor('the prompt', () => r.tail.includes('cdprompt> '));

    r.acking = false; // the renderer falls behind
    await t.calls.writeTerminal({ terminalId, data: 'head -c 100000000 /dev/zero | base64\r' });
    const isPaused = async () => (await t.calls.listTerminals({})).some((x) => x.terminalId === terminalId && x.paused);
    for (const started = Date.now(); !(await isPaused()); await new Promise((res) => setTimeout(res, 20))) {
      if (Date.now() - started > 20_000) throw new Error('main did not pause the channel within 20 s of the flood');
    }
    // Let ssh2, sshd and the PTY fill whatever they will take while paused.
    await new Promise((res) => setTimeout(res, 1500));
    await t.calls.writeTerminal({ terminalId, data: 'q' });
    await new Promise((res) => setTimeout(res, 300));

    let renderedAfterKey = 0;
    const echoSeen = new Promise<number>((resolve) => {
      r.onBatch = (batch) => {
        if (batch.data.includes('q')) resolve(renderedAfterKey + batch.data.indexOf('q'));
        renderedAfterKey += batch.bytes;
      };
    });
    // The renderer catches up: what it had written is acknowledged, and from now on every batch.
    const unacked = (await t.calls.listTerminals({})).find((x) => x.terminalId === terminalId)?.unackedBytes ?? 0;
    r.acking = true;
    await t.calls.ackTerminal({ terminalId, bytes: unacked });
    const ahead = await echoSeen;
    r.onBatch = undefined;
    await t.calls.writeTerminal({ terminalId, data: '\x03' });
    say(`queued ahead of the echo while paused: ${(ahead / 1024).toFixed(0)} KiB (+ ${(unacked / 1024).toFixed(0)} KiB unacknowledged in main)`);
    expect(unacked).toBeLessThanOrEqual(HIGH_WATER_BYTES + 64 * 1024);
    expect(ahead).toBeLessThanOrEqual(SSH2_WINDOW_BYTES + SSHD_AND_PTY_SLACK);
    await t.calls.closeTerminal({ terminalId });
  });
});
