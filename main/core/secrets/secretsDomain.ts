/**
 * The secret store of one core: the credential repository over the store's
 * table, sealed by ports.secrets, and the set of secret values the log
 * redaction scrubs. Built once per CoreContext; other domains (ssh, backup
 * for the db password) reach it through secretsOf(ctx).
 */
import type { CoreContext } from '../coreContext';
import { createCredentialRepository, type CredentialRepository } from './credentialRepository';
import { createSecretValues, type SecretValues } from './redaction';

export interface SecretsDomain {
  credentials: CredentialRepository;
  /** Values seen this session; createRedactingLogger(ports.logger, seen) keeps them out of logs. */
  seen: SecretValues;
}

const domains = new WeakMap<CoreContext, SecretsDomain>();

export function secretsOf(ctx: CoreContext): SecretsDomain {
  let d = domains.get(ctx);
  if (!d) {
    const seen = createSecretValues();
    d = {
      seen,
      credentials: createCredentialRepository({ db: () => ctx.store.db(), cipher: ctx.ports.secrets, now: ctx.ports.now, seen }),
    };
    domains.set(ctx, d);
  }
  return d;
}
