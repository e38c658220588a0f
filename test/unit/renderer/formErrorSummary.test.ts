import { describe, expect, it } from 'vitest';
import { newClusterDraft } from '../../../renderer/features/clusters/clusterDraft';
import { formErrorSummary, isDraftField } from '../../../renderer/stores/formErrorSummary';

const draft = newClusterDraft();
const shown = (key: string) => isDraftField(draft, key);

describe('the line above a refused form', () => {
  it('points at the red fields when each error sits next to its field', () => {
    expect(formErrorSummary({ sshPort: 'A port is between 1 and 65535.' }, shown, 'ssh.port: A port…')).toBe('Check the field marked in red, then save again.');
    expect(formErrorSummary({ name: 'x', 'jumpHosts.1.host': 'y' }, shown, 'm')).toBe('Check the 2 fields marked in red, then save again.');
  });

  it('keeps the API sentence when a problem has no field on the form', () => {
    expect(formErrorSummary({}, shown, 'A cluster named "acme" already exists.')).toBe('A cluster named "acme" already exists.');
    expect(formErrorSummary({ name: 'x', 'nodes.0.name': 'y' }, shown, 'The file names two nodes "a".')).toBe('The file names two nodes "a".');
  });
});
