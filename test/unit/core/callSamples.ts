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
  writeTerminal: { terminalId: 't1', data: 'ls\r' },
  resizeTerminal: { terminalId: 't1', cols: 120, rows: 40 },
  ackTerminal: { terminalId: 't1', bytes: 4096 },
  closeTerminal: { terminalId: 't1' },
  listTerminals: {},
};
