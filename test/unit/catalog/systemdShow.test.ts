import { describe, expect, it } from 'vitest';
import { findUnit, parseSystemctlShow, systemctlShowArgv } from '../../../main/core/catalog/systemdShow';
import { parseSystemdTimestamp } from '../../../main/core/catalog/systemdTimestamp';
import { parseListUnitFiles, parseListUnits } from '../../../main/core/catalog/systemdUnitLists';
import { fixture } from './fixtureFiles';

const mainPidOf = (file: string) => Number(/^MainPID=(\d+)$/m.exec(fixture(`systemd/${file}`))?.[1]);

describe('systemctl show (systemd 252)', () => {
  it.each([
    ['systemctl-show-running-unit.txt', { id: 'backendai-manager.service', activeState: 'active', subState: 'running', mainPid: mainPidOf('systemctl-show-running-unit.txt'), result: 'success', restarts: 0 }],
    ['systemctl-show-failed-unit.txt', { activeState: 'failed', subState: 'failed', mainPid: null, result: 'exit-code' }],
    ['systemctl-show-auto-restart-unit.txt', { activeState: 'activating', subState: 'auto-restart', restarts: 3, result: 'exit-code' }],
    ['systemctl-show-activating-unit.txt', { activeState: 'activating', subState: 'start', names: ['backendai-webserver.service', 'backendai-console-server.service'] }],
    ['systemctl-show-deactivating-unit.txt', { activeState: 'deactivating', subState: 'stop-sigterm' }],
    ['systemctl-show-stopped-unit.txt', { activeState: 'inactive', subState: 'dead', startedAt: null, stateChangedAt: null }],
    ['systemctl-show-not-found-unit.txt', { id: 'backendai-nosuch.service', loadState: 'not-found', activeState: 'inactive' }],
  ])('reads %s', (file, expected) => {
    const { units, messages } = parseSystemctlShow(fixture(`systemd/${file}`));
    expect(messages).toEqual([]);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject(expected);
  });

  it('reads the start and state-change times as ISO 8601', () => {
    const [unit] = parseSystemctlShow(fixture('systemd/systemctl-show-running-unit.txt')).units;
    expect(unit?.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(unit?.stateChangedAt).toBe(unit?.startedAt);
  });

  it('reads the same instant from a node in another zone', () => {
    const [utc] = parseSystemctlShow(fixture('systemd/systemctl-show-running-unit.txt')).units;
    const [kst] = parseSystemctlShow(fixture('systemd/systemctl-show-running-unit-kst.txt')).units;
    expect(kst?.startedAt).toBe(utc?.startedAt);
  });

  it('splits several units at the blank lines and finds an alias by its names', () => {
    const { units } = parseSystemctlShow(fixture('systemd/systemctl-show-several-units.txt'));
    expect(units.map((u) => u.id)).toEqual(['backendai-manager.service', 'backendai-webserver.service', 'backendai-nosuch.service', 'backendai-agent.service']);
    expect(findUnit(units, 'backendai-console-server.service')?.id).toBe('backendai-webserver.service');
    expect(findUnit(units, 'backendai-agent.service')?.activeState).toBe('failed');
  });

  it('keeps systemctl\'s own messages apart from the properties', () => {
    const { units, messages } = parseSystemctlShow("System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n");
    expect(units).toEqual([]);
    expect(messages).toHaveLength(2);
  });

  it('asks for the properties it reads, after --', () => {
    expect(systemctlShowArgv(['a.service'])).toEqual(['systemctl', 'show', '-p', 'Id,Names,LoadState,ActiveState,SubState,MainPID,ExecMainStartTimestamp,StateChangeTimestamp,NRestarts,Result', '--no-pager', '--', 'a.service']);
  });
});

describe('systemd timestamps', () => {
  it.each([
    ['Sun 2026-11-29 03:42:30 UTC', '2026-11-29T03:42:30.000Z'],
    ['Sun 2026-11-29 12:42:30 KST', '2026-11-29T03:42:30.000Z'],
    ['Tue 2024-04-23 12:06:31 CEST', '2024-04-23T10:06:31.000Z'],
    ['Tue 2024-04-23 12:06:31 +0530', '2024-04-23T06:36:31.000Z'],
    ['Tue 2024-04-23 12:06:31.123456 UTC', '2024-04-23T12:06:31.123Z'],
    ['', null],
    ['n/a', null],
    ['Tue 2024-04-23 12:06:31 CST', null],
  ])('reads %j', (text, iso) => {
    expect(parseSystemdTimestamp(text)).toBe(iso);
  });
});

describe('systemctl unit lists', () => {
  it('reads list-units with its JOB column', () => {
    const units = parseListUnits(fixture('systemd/systemctl-list-units-backendai.txt'));
    expect(units).toContainEqual({ unit: 'backendai-webserver.service', load: 'loaded', active: 'activating', sub: 'start' });
    expect(units).toContainEqual({ unit: 'backendai-agent.service', load: 'loaded', active: 'failed', sub: 'failed' });
    expect(units).toHaveLength(5);
  });

  it('reads list-unit-files with and without the legend alike', () => {
    const withLegend = parseListUnitFiles(fixture('systemd/systemctl-list-unit-files-backendai.txt'));
    expect(withLegend).toEqual(parseListUnitFiles(fixture('systemd/systemctl-list-unit-files-backendai-no-legend.txt')));
    expect(withLegend).toContainEqual({ unit: 'backendai-console-server.service', state: 'alias' });
    expect(withLegend).toHaveLength(7);
  });
});
