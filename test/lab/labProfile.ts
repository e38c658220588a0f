/**
 * The cluster profile of the running lab, in the app's own export format
 * (ClusterExport), so a person can import it and try the app against the lab.
 * Holds no secret: the key user's key path only. bai-a03 goes through bai-jump.
 */
import { ClusterExport, type ClusterExport as ClusterExportT, type NodeFieldsInput } from '../../common/contract/schemas/profiles';
import { COMPOSE_PROJECT, LAB_NODES, LAB_USERS, nodeAddress, nodeSpec } from './labLayout';

export const JUMP_NODE = 'bai-jump';

export function buildLabProfile(args: { keyPath: string; halfstackDir: string; managerDir: string }): ClusterExportT {
  const jump = nodeSpec(JUMP_NODE);
  const nodes: NodeFieldsInput[] = LAB_NODES.filter((n) => n.name !== JUMP_NODE).map((n) => ({
    name: n.name,
    host: nodeAddress(n),
    port: 22,
    roles: n.roles,
    ssh: n.reachableDirectly
      ? {}
      : { jumpHosts: [{ host: nodeAddress(jump), port: 22, user: LAB_USERS.key.name, authMethod: 'key', keyPath: args.keyPath }] },
  }));
  // parse() applies the schema's defaults and proves the profile imports.
  return ClusterExport.parse({
    format: 'clusterdeck.cluster',
    version: 1,
    cluster: {
      name: 'ClusterDeck lab',
      customer: 'Lab',
      notes: 'Simulated Backend.AI cluster from `npm run lab -- up` (test/lab). Not a real cluster.',
      color: '#16a34a',
      tags: ['lab'],
      isProduction: false,
      ssh: { user: LAB_USERS.key.name, port: 22, authMethod: 'key', keyPath: args.keyPath, jumpHosts: [] },
      halfstackDir: args.halfstackDir,
      composeProject: COMPOSE_PROJECT,
      managerDir: args.managerDir,
      sudoMode: 'auto',
    },
    nodes,
  });
}
