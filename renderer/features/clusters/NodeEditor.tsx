/** The node form: name, address, SSH overrides (blank = the cluster's default) and roles. */
import type { KeyboardEvent } from 'react';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { CheckboxField } from '../../controls/CheckboxField';
import { FormFooter } from '../../controls/FormFooter';
import { FormSection } from '../../controls/FormSection';
import { SelectField } from '../../controls/SelectField';
import { TextField } from '../../controls/TextField';
import { useNodeEditorStore } from '../../stores/nodeEditorStore';
import { SecretFields } from '../ssh/SecretFields';
import { AUTH_METHOD_OPTIONS } from './authMethodOptions';
import { JumpHostChainEditor } from './JumpHostChainEditor';
import { RoleCheckboxes } from './RoleCheckboxes';

export function NodeEditor(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  const { nodeId, draft, fieldErrors: err, formError, isSaving, change, save, cancel } = useNodeEditorStore();
  const isNew = nodeId === null;
  const inherit = `cluster default (${AUTH_METHOD_OPTIONS.find((o) => o.value === cluster.ssh.authMethod)?.label ?? cluster.ssh.authMethod})`;
  return (
    <section className="pane" aria-labelledby="node-editor-title" onKeyDown={(e: KeyboardEvent) => e.key === 'Escape' && cancel()}>
      <header className="pane-header">
        <span className="cluster-dot" style={{ backgroundColor: cluster.color }} aria-hidden="true" />
        <span className="pane-subtitle">{cluster.name}</span>
        <span className="crumb-sep">/</span>
        <h1 id="node-editor-title">{isNew ? 'New node' : `Edit ${draft.name || 'node'}`}</h1>
      </header>
      <form
        className="editor"
        aria-label={isNew ? 'New node' : 'Edit node'}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormSection title="Node">
          <TextField label="Name" value={draft.name} error={err.name} autoFocus width="medium" placeholder="bai-m01" onChange={(name) => change({ name })} />
          <TextField label="Host" value={draft.host} error={err.host} isMonospace width="medium" placeholder="10.0.0.5" onChange={(host) => change({ host })} />
          <TextField label="Port" value={draft.port} error={err.port} isMonospace width="short" inputMode="numeric" placeholder={String(cluster.ssh.port)} onChange={(port) => change({ port })} />
          <RoleCheckboxes roles={draft.roles} error={err.roles} onChange={(roles) => change({ roles })} />
        </FormSection>
        <FormSection title="SSH overrides" description="Leave blank to use the cluster's defaults.">
          <TextField label="SSH user" value={draft.sshUser} error={err.sshUser} isMonospace width="medium" placeholder={cluster.ssh.user} onChange={(sshUser) => change({ sshUser })} />
          <SelectField
            label="Auth method"
            value={draft.authMethod}
            options={[{ value: '', label: inherit }, ...AUTH_METHOD_OPTIONS]}
            error={err.authMethod}
            onChange={(authMethod) => change({ authMethod })}
          />
          <TextField label="Key path" value={draft.keyPath} error={err.keyPath} isMonospace width="medium" placeholder={cluster.ssh.keyPath ?? ''} onChange={(keyPath) => change({ keyPath })} />
          <CheckboxField
            label="Own jump host chain"
            hint={cluster.ssh.jumpHosts.length > 0 ? `Otherwise via the cluster's ${cluster.ssh.jumpHosts.length} jump host(s).` : 'Otherwise direct, like the cluster.'}
            checked={draft.hasOwnJumpHosts}
            onChange={(hasOwnJumpHosts) => change({ hasOwnJumpHosts })}
          />
          {draft.hasOwnJumpHosts && <JumpHostChainEditor hops={draft.jumpHosts} errors={err} onChange={(jumpHosts) => change({ jumpHosts })} />}
        </FormSection>
        <FormFooter formError={formError} isSaving={isSaving} submitLabel={isNew ? 'Add node' : 'Save node'} onCancel={cancel} />
      </form>
      <SecretFields clusterId={cluster.id} nodeId={nodeId} isNode />
    </section>
  );
}
