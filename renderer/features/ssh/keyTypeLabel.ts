/** "ED25519", "ECDSA P-256", "RSA": how operators name host key types (ssh-keygen -l prints the same). */
export function keyTypeLabel(keyType: string): string {
  if (keyType === 'ssh-ed25519') return 'ED25519';
  const ecdsa = /^ecdsa-sha2-nistp(\d+)$/.exec(keyType);
  if (ecdsa) return `ECDSA P-${ecdsa[1]}`;
  if (keyType === 'ssh-rsa' || keyType.startsWith('rsa-sha2-')) return 'RSA';
  return keyType;
}
