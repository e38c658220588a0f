/**
 * What the SSH engine may ask of the secret store: look a credential up (a
 * node's own first, then its cluster's) and remember one a person typed and
 * asked to keep. Values stay inside main; nothing here reaches the renderer.
 */
import type { SecretKind, SecretScope } from '../../../common/contract/schemas/ssh';

export interface CredentialSource {
  lookup(kind: SecretKind, where: { nodeId?: string; clusterId: string }): string | undefined;
  remember(kind: SecretKind, scope: SecretScope, value: string): void;
}

/** For contexts with no secret store (and for the store while locked): nothing saved, nothing kept. */
export const noCredentials: CredentialSource = {
  lookup: () => undefined,
  remember: () => undefined,
};
