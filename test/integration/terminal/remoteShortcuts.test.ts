/**
 * The terminal shortcuts through a real core and the contract (memory
 * transport): the catalog finds the PostgreSQL container with docker ps, the
 * manager's unit and folder; the commands run in a PTY on the lab nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../common/contract/api';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { Core } from '../../../main/core/createCore';
import { openLabCore } from '../support/labCore';
import { waitFor } from './labTerminals';

let core: Core;
let api: ApiClient;
let cluster: ClusterWithNodes;
const screens = new Map<string, { text: string; exit?: { reason: string; code: number | null } }>();
const nodeId = (name: string) => cluster.nodes.find((n) => n.name === name)?.id ?? '';
const screenOf = (id: string) => {
  let s = screens.get(id);
  if (!s) screens.set(id, (s = { text: '' }));
  return s;
};

beforeAll(async () => {
  ({ core, api, cluster } = await openLabCore({ name: 'term-shortcuts' }));
  api.on('terminal.data', (d) => {
    const s = screenOf(d.terminalId);
    s.text = (s.text + d.data).slice(-16_384);
    void api.ackTerminal({ terminalId: d.terminalId, bytes: d.bytes });
  });
  api.on('terminal.exit', (e) => (screenOf(e.terminalId).exit = { reason: e.reason, code: e.code }));
});
afterAll(async () => {
  await core?.close();
});

describe('terminal shortcuts on lab nodes', () => {
  it('opens a bash in the PostgreSQL container found through the catalog, where psql answers', { timeout: 30_000 }, async () => {
    const { terminalId, title } = await api.openRemoteTerminal({ nodeId: nodeId('bai-m1'), cols: 100, rows: 30, command: { kind: 'container-shell', serviceId: 'postgres' } });
    expect(title).toBe('ClusterDeck lab / bai-m1 · postgres shell');
    const s = screenOf(terminalId);
    await api.writeTerminal({ terminalId, data: "PGPASSWORD=develove psql -U postgres -At -c 'select 40+2'; hostname\r" });
    // psql's answer, then the hostname of the container's own UTS namespace (its id), not bai-m1.
    await waitFor('psql answer', () => /\r42\r\n[0-9a-f]{12}\r\n/.test(s.text), 15_000);
    await api.writeTerminal({ terminalId, data: 'exit 3\r' });
    await waitFor('the shell to exit', () => s.exit !== undefined);
    expect(s.exit).toEqual({ reason: 'exited', code: 3 });
  });

  it('follows the manager journal with sudo', { timeout: 30_000 }, async () => {
    const { terminalId, title } = await api.openRemoteTerminal({ nodeId: nodeId('bai-m1'), cols: 120, rows: 30, command: { kind: 'journal', serviceId: 'manager' } });
    expect(title).toBe('ClusterDeck lab / bai-m1 · journal backendai-manager');
    const s = screenOf(terminalId);
    await waitFor('manager log lines', () => /ai\.backend\.manager/.test(s.text), 15_000);
    // A tab restored from the list after a reload reconnects with what the list says: the same journal, not a shell.
    const listed = (await api.listTerminals({})).find((t) => t.terminalId === terminalId);
    expect(listed).toMatchObject({ nodeId: nodeId('bai-m1'), shortcut: { kind: 'journal', serviceId: 'manager' } });
    const again = await api.openRemoteTerminal({ nodeId: listed?.nodeId ?? '', cols: 120, rows: 30, ...(listed?.shortcut ? { command: listed.shortcut } : {}) });
    expect(again.title).toBe(title);
    await waitFor('manager log lines after reconnect', () => /ai\.backend\.manager/.test(screenOf(again.terminalId).text), 15_000);
    expect(await api.closeTerminal({ terminalId })).toEqual({ closed: true });
    expect(await api.closeTerminal({ terminalId: again.terminalId })).toEqual({ closed: true });
  });

  it('runs backend.ai mgr dbshell in the manager folder', { timeout: 30_000 }, async () => {
    const { terminalId } = await api.openRemoteTerminal({ nodeId: nodeId('bai-m1'), cols: 100, rows: 30, command: { kind: 'dbshell' } });
    const s = screenOf(terminalId);
    await waitFor('the psql prompt', () => /=[#>] ?$/.test(s.text.trimEnd() + ' ') || /backend=/.test(s.text), 15_000);
    await api.writeTerminal({ terminalId, data: 'select 6*7 as answer;\r' });
    await waitFor('the answer', () => /\b42\b/.test(s.text), 10_000);
    await api.closeTerminal({ terminalId });
  });

  it('refuses shortcuts that do not fit the service, saying why', async () => {
    await expect(api.openRemoteTerminal({ nodeId: nodeId('bai-m1'), cols: 80, rows: 24, command: { kind: 'journal', serviceId: 'postgres' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('runs in a container'),
    });
    await expect(api.openRemoteTerminal({ nodeId: nodeId('bai-a01'), cols: 80, rows: 24, command: { kind: 'container-shell', serviceId: 'postgres' } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      api.openRemoteTerminal({ nodeId: nodeId('bai-m1'), cols: 80, rows: 24, command: { kind: 'argv', argv: ['rm', '-rf', '/'] } as never }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('records every terminal opened, and every refusal, in the activity log', async () => {
    const entries = await api.listActivity({ clusterId: cluster.id, limit: 50 });
    const terminals = entries.filter((e) => e.action.startsWith('open terminal'));
    expect(terminals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'open terminal (container-shell postgres)', target: 'bai-m1', result: 'ok' }),
        expect.objectContaining({ action: 'open terminal (journal manager)', target: 'bai-m1', result: 'ok' }),
        expect.objectContaining({ action: 'open terminal (dbshell)', target: 'bai-m1', result: 'ok' }),
        expect.objectContaining({ action: 'open terminal (journal postgres)', target: 'bai-m1', result: 'failed', detail: expect.stringContaining('runs in a container') }),
      ]),
    );
  });
});
