/** The cluster form: every ClusterFields field, with the API's message next to the field it is about. */
import type { KeyboardEvent } from 'react';
import { CheckboxField } from '../../controls/CheckboxField';
import { FormFooter } from '../../controls/FormFooter';
import { FormSection } from '../../controls/FormSection';
import { SelectField } from '../../controls/SelectField';
import { TextAreaField } from '../../controls/TextAreaField';
import { TextField } from '../../controls/TextField';
import { useClusterEditorStore } from '../../stores/clusterEditorStore';
import { SecretFields } from '../ssh/SecretFields';
import { AUTH_METHOD_OPTIONS, SUDO_MODE_OPTIONS } from './authMethodOptions';
import { JumpHostChainEditor } from './JumpHostChainEditor';

export function ClusterEditor() {
  const { clusterId, draft, fieldErrors: err, formError, isSaving, change, save, cancel } = useClusterEditorStore();
  const isNew = clusterId === null;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };
  return (
    <section className="pane" aria-labelledby="cluster-editor-title" onKeyDown={onKeyDown}>
      <header className="pane-header">
        <span className="cluster-dot large" style={{ backgroundColor: draft.color }} aria-hidden="true" />
        <h1 id="cluster-editor-title">{isNew ? 'New cluster' : `Edit ${draft.name || 'cluster'}`}</h1>
      </header>
      <form
        className="editor"
        aria-label={isNew ? 'New cluster' : 'Edit cluster'}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormSection title="Cluster">
          <TextField label="Name" value={draft.name} error={err.name} autoFocus width="medium" placeholder="acme-prod" onChange={(name) => change({ name })} />
          <TextField label="Customer" value={draft.customer} error={err.customer} width="medium" placeholder="ACME Corp." onChange={(customer) => change({ customer })} />
          <TextField label="Colour" type="color" value={draft.color} error={err.color} width="short" onChange={(color) => change({ color })} />
          <TextField label="Tags" value={draft.tags} error={err.tags} width="medium" hint="Comma-separated, e.g. gpu, on-prem" onChange={(tags) => change({ tags })} />
          <CheckboxField
            label="Production cluster"
            hint="Marked PROD in red everywhere, so it is never mistaken for a test cluster."
            checked={draft.isProduction}
            onChange={(isProduction) => change({ isProduction })}
          />
          <TextAreaField label="Notes" value={draft.notes} error={err.notes} onChange={(notes) => change({ notes })} />
        </FormSection>
        <FormSection title="SSH defaults" description="Every node uses these unless it overrides them.">
          <TextField label="SSH user" value={draft.sshUser} error={err.sshUser} isMonospace width="medium" placeholder="lablup" onChange={(sshUser) => change({ sshUser })} />
          <TextField label="SSH port" value={draft.sshPort} error={err.sshPort} isMonospace width="short" inputMode="numeric" onChange={(sshPort) => change({ sshPort })} />
          <SelectField label="Auth method" value={draft.authMethod} options={AUTH_METHOD_OPTIONS} error={err.authMethod} onChange={(authMethod) => change({ authMethod })} />
          <TextField label="Key path" value={draft.keyPath} error={err.keyPath} isMonospace width="medium" placeholder="~/.ssh/id_ed25519" onChange={(keyPath) => change({ keyPath })} />
          <JumpHostChainEditor hops={draft.jumpHosts} errors={err} onChange={(jumpHosts) => change({ jumpHosts })} />
        </FormSection>
        <FormSection title="Backend.AI layout">
          <TextField label="Halfstack directory" value={draft.halfstackDir} error={err.halfstackDir} isMonospace width="medium" onChange={(halfstackDir) => change({ halfstackDir })} />
          <TextField label="Compose project" value={draft.composeProject} error={err.composeProject} isMonospace width="short" onChange={(composeProject) => change({ composeProject })} />
          <TextField label="Manager directory" value={draft.managerDir} error={err.managerDir} isMonospace width="medium" onChange={(managerDir) => change({ managerDir })} />
          <SelectField label="sudo mode" value={draft.sudoMode} options={SUDO_MODE_OPTIONS} error={err.sudoMode} width="medium" onChange={(sudoMode) => change({ sudoMode })} />
        </FormSection>
        <FormFooter formError={formError} isSaving={isSaving} submitLabel={isNew ? 'Create cluster' : 'Save cluster'} onCancel={cancel} />
      </form>
      <SecretFields clusterId={clusterId} isNode={false} />
    </section>
  );
}
