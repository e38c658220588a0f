import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/contract/errors';
import { createPendingPrompts } from '../../../main/core/ssh/pendingPrompts';

function setup() {
  const closed: Array<[string, string]> = [];
  const announced: string[] = [];
  const prompts = createPendingPrompts<string>((id, reason) => closed.push([id, reason]));
  const ask = (shareKey?: string, timeoutMs = 1000) =>
    prompts.ask({ ...(shareKey ? { shareKey } : {}), timeoutMs, timeoutMessage: 'nobody answered', announce: (id) => announced.push(id) });
  return { prompts, ask, closed, announced };
}

describe('pending prompts', () => {
  it('delivers the answer once and reports the prompt closed', async () => {
    const { prompts, ask, closed, announced } = setup();
    const answer = ask();
    expect(prompts.answer(announced[0] ?? '', 'yes')).toBe(true);
    expect(prompts.answer(announced[0] ?? '', 'again')).toBe(false);
    await expect(answer).resolves.toBe('yes');
    expect(closed).toEqual([[announced[0], 'answered']]);
  });

  it('shares one prompt between identical questions', async () => {
    const { prompts, ask, announced } = setup();
    const a = ask('host:22|key');
    const b = ask('host:22|key');
    expect(announced).toHaveLength(1);
    prompts.answer(announced[0] ?? '', 'trust');
    await expect(Promise.all([a, b])).resolves.toEqual(['trust', 'trust']);
  });

  it('times out with the given message', async () => {
    const { ask, closed } = setup();
    await expect(ask(undefined, 20)).rejects.toMatchObject({ code: 'timeout', message: 'nobody answered' });
    expect(closed[0]?.[1]).toBe('timeout');
    expect(closed).toHaveLength(1);
  });

  it('cancels everything on close', async () => {
    const { prompts, ask } = setup();
    const a = ask();
    const b = ask();
    prompts.cancelAll(new ApiError('cancelled', 'closing'));
    await expect(a).rejects.toMatchObject({ code: 'cancelled' });
    await expect(b).rejects.toMatchObject({ code: 'cancelled' });
    expect(prompts.size()).toBe(0);
  });
});
