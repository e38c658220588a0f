/** "Import a cluster file": a button that opens the file picker and then the import dialog. */
import { useRef } from 'react';
import { openImportDialogWith } from '../../stores/clusterActions';

export function ImportFileButton(props: { variant: 'icon' | 'button' | 'primary' }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Cluster file to import"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openImportDialogWith(file);
        }}
      />
      {props.variant === 'icon' ? (
        <button type="button" className="icon-button" title="Import a cluster file" aria-label="Import cluster file" onClick={() => input.current?.click()}>
          ⤓
        </button>
      ) : (
        <button type="button" className={props.variant === 'primary' ? 'button primary' : 'button'} onClick={() => input.current?.click()}>
          Import a cluster file
        </button>
      )}
    </>
  );
}
