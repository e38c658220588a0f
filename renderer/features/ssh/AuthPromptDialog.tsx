/**
 * A login question relayed from the server: a password, a key passphrase,
 * or a keyboard-interactive round (password, then a verification code). One
 * field per question in the server's words, hidden unless the server asked
 * for echo. Answers live in this component only, never in a store.
 */
import { useState } from 'react';
import { CheckboxField } from '../../controls/CheckboxField';
import { Modal } from '../../controls/Modal';
import { useAppStore } from '../../stores/appStore';
import { usePromptStore } from '../../stores/promptStore';
import { authFieldsOf, authPromptTitle } from './authPromptFields';
import type { AuthPrompt } from './promptQueue';
import { SubmitCancelActions } from '../../controls/SubmitCancelActions';

/** The server's own name for the round, when it gave one (the engine fills in "Login to user@host" otherwise). */
const hasOwnTitle = (title: string) => title.trim() !== '' && !title.startsWith('Login to ') && !/^(Password|Passphrase) for /.test(title);

export function AuthPromptDialog(props: { prompt: AuthPrompt; waiting: number }) {
  const { prompt, waiting } = props;
  const { busyId, error, answerAuth, cancelAuth } = usePromptStore();
  const secrets = useAppStore((s) => s.info?.secrets);
  const fields = authFieldsOf(prompt);
  const [answers, setAnswers] = useState<string[]>(() => fields.map(() => ''));
  const [remember, setRemember] = useState(false);
  const isBusy = busyId === prompt.promptId;
  const canSave = secrets === 'unlocked';
  const what = prompt.kind === 'passphrase' ? 'passphrase' : 'password';
  return (
    <Modal
      title={authPromptTitle(prompt)}
      error={error}
      onClose={() => void cancelAuth(prompt.promptId)}
      onSubmit={() => void answerAuth(prompt.promptId, answers, prompt.canRemember && canSave && remember)}
      actions={<SubmitCancelActions submitLabel="Log in" isSubmitDisabled={isBusy} onCancel={() => void cancelAuth(prompt.promptId)} isCancelDisabled={isBusy} />}
    >
      <p>
        <strong>{prompt.nodeName}</strong> ({prompt.host}:{prompt.port}) asks {prompt.user} to log in
        {hasOwnTitle(prompt.title) ? `: ${prompt.title}` : '.'}
      </p>
      {prompt.instructions && <p className="ssh-instructions">{prompt.instructions}</p>}
      <div className="form-grid">
        {fields.map((f, i) => (
          <div key={i} className="field field-full">
            <label htmlFor={`${prompt.promptId}-${i}`}>{f.label}</label>
            <input
              id={`${prompt.promptId}-${i}`}
              type={f.isHidden ? 'password' : 'text'}
              className={f.isHidden ? undefined : 'mono'}
              value={answers[i] ?? ''}
              autoComplete={f.autoComplete}
              spellCheck={false}
              autoFocus={i === 0}
              onChange={(e) => setAnswers((a) => a.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </div>
        ))}
      </div>
      {prompt.canRemember &&
        (canSave ? (
          <CheckboxField label={`Remember this ${what} for ${prompt.nodeName}`} hint="Saved encrypted; ClusterDeck never shows it again." checked={remember} onChange={setRemember} />
        ) : (
          <p className="muted">To remember the {what}, unlock saved secrets first (top bar), then test the connection again.</p>
        ))}
      {waiting > 0 && <p className="muted">{waiting === 1 ? '1 more question is waiting.' : `${waiting} more questions are waiting.`}</p>}
    </Modal>
  );
}
