/**
 * Log flow control against the lab: bai-a02's agent writes 5,000 lines/s;
 * a follow opened with `acknowledge` and never acknowledged stops receiving
 * once the high watermark is out (the SSH channel is paused, journalctl
 * blocks on its pipe but keeps running), and flows again on ackLogs. The
 * log rate is put back in finally.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_HIGH_WATER_BYTES } from '../../../main/core/actions/logs/logFlow';
import { nodeToolsBin } from '../../lab/labLayout';
import { mustRunOnNode } from '../../lab/nodeExec';
import { labServiceCoreForThisFile } from '../services/labServiceCore';
import { processesWith, waitFor } from './labLogStreams';

const NODE = 'bai-a02';
const UNIT = 'backendai-agent.service';
const lab = labServiceCoreForThisFile({ saveSudoPassword: false });

const setLogRate = (rate: number | 'default') => mustRunOnNode(NODE, [join(nodeToolsBin, 'lab-unit-log-rate'), '--node', NODE, UNIT, String(rate)]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('log flow control against the lab', () => {
  it('pauses an unacknowledged follow at the high watermark and resumes it on ack', async () => {
    const streamId = `it-logflow-${process.pid}`;
    let sent = 0;
    let batches = 0;
    let maxBatch = 0;
    const off = lab.api.on('logs.batch', (b) => {
      if (b.streamId !== streamId) return;
      sent += b.bytes;
      batches += 1;
      maxBatch = Math.max(maxBatch, b.bytes);
    });
    await setLogRate(5_000);
    try {
      await sleep(1_200); // the unit picks the rate up within a second
      await lab.api.openLogs({ streamId, clusterId: lab.cluster.id, nodeIds: [lab.nodeId(NODE)], serviceId: 'agent', lastN: 1, sudo: 'never', acknowledge: true });
      await waitFor('the high watermark to go out', () => sent >= LOG_HIGH_WATER_BYTES, 30_000);
      await sleep(1_000);
      const plateau = sent;
      await sleep(2_000);
      // Nothing more while unacknowledged, though the node writes 10,000 more lines meanwhile.
      expect(sent).toBe(plateau);
      expect(sent).toBeLessThan(LOG_HIGH_WATER_BYTES + maxBatch + 1);
      expect(processesWith(['journalctl', '-u', UNIT, '-f']).length, 'journalctl -f still running, blocked').toBeGreaterThan(0);
      expect(await lab.api.ackLogs({ streamId, bytes: 1024 })).toEqual({ open: true, paused: true });

      const before = batches;
      expect(await lab.api.ackLogs({ streamId, bytes: sent })).toEqual({ open: true, paused: false });
      await waitFor('batches again after the ack', () => batches > before + 2, 10_000);
      expect(sent).toBeGreaterThan(plateau);
    } finally {
      off();
      await lab.api.closeLogs({ streamId }).catch(() => undefined);
      await setLogRate('default');
    }
  }, 90_000);
});
