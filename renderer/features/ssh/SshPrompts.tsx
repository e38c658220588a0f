/**
 * The SSH engine's questions, oldest first: a host-key dialog or a login
 * dialog, one at a time, plus a line when a question closed unanswered.
 * Also starts listening to the engine's prompt and connection events.
 */
import { useEffect } from 'react';
import { watchNodeConnections } from '../../stores/nodeConnectionStore';
import { usePromptStore, watchPrompts } from '../../stores/promptStore';
import { AuthPromptDialog } from './AuthPromptDialog';
import { HostKeyPromptDialog } from './HostKeyPromptDialog';
import { UnlockSecretsDialog } from './UnlockSecretsDialog';
import './ssh.css';

export function SshPrompts() {
  const queue = usePromptStore((s) => s.queue);
  const notice = usePromptStore((s) => s.notice);
  const dismissNotice = usePromptStore((s) => s.dismissNotice);

  useEffect(() => {
    const stopPrompts = watchPrompts();
    const stopConnections = watchNodeConnections();
    return () => {
      stopPrompts();
      stopConnections();
    };
  }, []);

  const head = queue[0];
  const waiting = queue.length - 1;
  return (
    <>
      {head?.type === 'hostkey' && <HostKeyPromptDialog key={head.prompt.promptId} prompt={head.prompt} waiting={waiting} />}
      {head?.type === 'auth' && <AuthPromptDialog key={head.prompt.promptId} prompt={head.prompt} waiting={waiting} />}
      <UnlockSecretsDialog />
      {notice && (
        <div className="ssh-toast" role="status">
          <span>{notice}</span>
          <button type="button" className="button small ghost" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
