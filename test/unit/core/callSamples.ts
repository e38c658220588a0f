/**
 * One well-formed input per call of the API, for the test that every call
 * refuses malformed input. A call added to METHODS without a sample here
 * fails that test: add one (valid per its schema; ids need not exist).
 * Kept as plain data: the test checks each sample against its schema.
 */
const cluster = { name: 'Acme', ssh: { user: 'lablup', port: 22, jumpHosts: [{ host: 'bastion.example', port: 22 }] } };
const node = { name: 'bai-m01', host: '10.0.0.5', port: 22, ssh: { user: 'root' }, roles: ['manager'] };
const exportFile = JSON.stringify({ format: 'clusterdeck.cluster', version: 1, cluster, nodes: [node] });

export const CALL_SAMPLES: Record<string, unknown> = {
  // app
  getAppInfo: {},
  listActivity: { clusterId: 'c1', limit: 10 },
  // profiles
  listClusters: {},
  getCluster: { clusterId: 'c1' },
  createCluster: cluster,
  updateCluster: { clusterId: 'c1', fields: cluster },
  duplicateCluster: { clusterId: 'c1', name: 'Acme copy' },
  deleteCluster: { clusterId: 'c1' },
  addNode: { clusterId: 'c1', fields: node },
  updateNode: { nodeId: 'n1', fields: node },
  deleteNode: { nodeId: 'n1' },
  exportCluster: { clusterId: 'c1' },
  importCluster: { json: exportFile, name: 'Acme imported' },
  listSshConfigHosts: { path: '/nowhere/ssh_config' },
  // ssh and secrets
  testConnection: { nodeId: 'n1' },
  answerHostKeyPrompt: { promptId: 'p1', decision: 'trust-once' },
  answerAuthPrompt: { promptId: 'p1', answers: ['123456'], cancel: false, remember: false },
  replaceHostKey: { nodeId: 'n1', fingerprint: 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s' },
  forgetHostKeys: { host: '10.0.0.5', port: 22 },
  rekeyNodes: { nodeIds: ['n1'] },
  listKnownHosts: {},
  getNodeConnections: {},
  setSecret: { scope: { clusterId: 'c1' }, kind: 'sudo-password', value: 'hunter22' },
  forgetSecret: { scope: { nodeId: 'n1' }, kind: 'ssh-password' },
  listSecrets: { clusterId: 'c1' },
  unlockSecrets: { passphrase: 'correct horse battery' },
  // terminals
  openLocalTerminal: { cols: 80, rows: 24 },
  openRemoteTerminal: { nodeId: 'n1', cols: 80, rows: 24 },
  writeTerminal: { terminalId: 't1', data: 'ls\r' },
  resizeTerminal: { terminalId: 't1', cols: 120, rows: 40 },
  ackTerminal: { terminalId: 't1', bytes: 4096 },
  closeTerminal: { terminalId: 't1' },
  listTerminals: {},
  getTerminalSettings: {},
  setTerminalSettings: { fontSize: 14 },
  // services
  getServices: { clusterId: 'c1' },
  setServiceOverride: { clusterId: 'c1', override: { role: 'webserver', unit: 'backendai-console-server' } },
  resetServiceOverride: { clusterId: 'c1', overrideId: 'o1' },
  getStatus: {},
  sweepStatus: { clusterId: 'c1', interactive: false },
  cancelSweep: { clusterId: 'c1' },
  setSweepInterval: { clusterId: 'c1', seconds: 30 },
  describeControl: { clusterId: 'c1', serviceId: 'agent', nodeIds: ['n1'], action: 'restart' },
  controlService: { nodeId: 'n1', serviceId: 'agent', action: 'restart', confirmation: { confirmed: true, typedName: 'Acme' } },
  controlBulk: { clusterId: 'c1', serviceId: 'agent', nodeIds: ['n1', 'n2'], action: 'restart', mode: 'parallel', runId: 'r1' },
  describeClusterRun: { clusterId: 'c1', action: 'stop' },
  recordDeclinedAction: { clusterId: 'c1', serviceId: 'postgres', nodeIds: ['n1'], action: 'stop' },
  startCluster: { clusterId: 'c1' },
  stopCluster: { clusterId: 'c1', confirmation: { confirmed: true } },
  getJournalTail: { nodeId: 'n1', serviceId: 'agent', lines: 20 },
  scanNode: { nodeId: 'n1' },
  applyScanProposal: { nodeId: 'n1', roles: ['agent'], overrides: [{ role: 'agent', serviceId: 'watcher', disabled: true }] },
  // logs and preflight
  openLogs: { streamId: 's1', clusterId: 'c1', nodeIds: ['n1'], serviceId: 'agent', lastN: 200, since: '2026-11-29T06:00:00Z', follow: true, sudo: 'auto' },
  closeLogs: { streamId: 's1' },
  ackLogs: { streamId: 's1', bytes: 4096 },
  runPreflight: { nodeId: 'n1' },
  // backups and restores
  startBackup: { clusterId: 'c1', kind: 'pg', compression: 'gzip', note: 'before upgrade' },
  cancelBackup: { backupId: 'b1' },
  listBackups: { clusterId: 'c1', kind: 'etcd', status: 'ok', limit: 50 },
  verifyBackup: { backupId: 'b1' },
  deleteBackup: { backupId: 'b1' },
  backupFolder: { clusterId: 'c1' },
  revealBackup: { backupId: 'b1' },
  lastGoodBackups: {},
  getBackupSchedule: { clusterId: 'c1' },
  setBackupSchedule: { clusterId: 'c1', everyHours: 6, keep: 10, kinds: ['pg', 'etcd'], compression: 'gzip' },
  startRestore: { backupId: 'b1', confirmName: 'Acme', etcdMode: 'merge' },
};
