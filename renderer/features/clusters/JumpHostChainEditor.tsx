/** The ProxyJump chain, in order from the laptop outwards: add, remove, reorder hops. */
import { TextField } from '../../controls/TextField';
import { emptyJumpHost, type JumpHostDraft } from './jumpHostDraft';

interface JumpHostChainEditorProps {
  hops: JumpHostDraft[];
  onChange(hops: JumpHostDraft[]): void;
  /** Draft-keyed errors: "jumpHosts.0.host" etc. */
  errors: Record<string, string>;
}

export function JumpHostChainEditor(props: JumpHostChainEditorProps) {
  const { hops, onChange, errors } = props;
  const setHop = (i: number, patch: Partial<JumpHostDraft>) => onChange(hops.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...hops];
    const [hop] = next.splice(i, 1);
    if (hop) next.splice(i + by, 0, hop);
    onChange(next);
  };
  return (
    <div className="jump-chain field-full" role="group" aria-label="Jump host chain">
      {hops.length === 0 && <p className="field-hint">Direct connection: no jump host.</p>}
      {errors.jumpHosts && (
        <div className="field-error" role="alert">
          {errors.jumpHosts}
        </div>
      )}
      {hops.map((hop, i) => (
        <div className="jump-hop" key={i}>
          <span className="jump-hop-index">{i + 1}</span>
          <TextField label={`Jump host ${i + 1}`} value={hop.host} isMonospace width="medium" placeholder="bastion.example.com" error={errors[`jumpHosts.${i}.host`]} onChange={(host) => setHop(i, { host })} />
          <TextField label={`Jump host ${i + 1} port`} value={hop.port} isMonospace width="short" inputMode="numeric" placeholder="22" error={errors[`jumpHosts.${i}.port`]} onChange={(port) => setHop(i, { port })} />
          <TextField label={`Jump host ${i + 1} user`} value={hop.user} isMonospace width="short" placeholder="same" error={errors[`jumpHosts.${i}.user`]} onChange={(user) => setHop(i, { user })} />
          <div className="jump-hop-actions">
            <button type="button" className="icon-button" aria-label={`Move jump host ${i + 1} earlier`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={`Move jump host ${i + 1} later`} disabled={i === hops.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
            <button type="button" className="icon-button" aria-label={`Remove jump host ${i + 1}`} onClick={() => onChange(hops.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="button small" disabled={hops.length >= 8} onClick={() => onChange([...hops, emptyJumpHost()])}>
        Add jump host
      </button>
    </div>
  );
}
