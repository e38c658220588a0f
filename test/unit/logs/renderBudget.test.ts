/** How often the log list re-renders: every frame while renders are cheap, less often while they are costly, never stuck. */
import { describe, expect, it } from 'vitest';
import { createRenderBudget, MAX_RENDER_GAP_MS } from '../../../renderer/features/logs/renderBudget';

describe('the log list render budget', () => {
  it('lets cheap renders happen on every frame', () => {
    const budget = createRenderBudget(0.1);
    expect(budget.due(0)).toBe(true);
    budget.requested(0);
    budget.committed(0.5);
    expect(budget.due(16.7)).toBe(true);
  });

  it('spaces costly renders so they take about their share of the time', () => {
    const budget = createRenderBudget(0.1);
    budget.requested(1_000);
    budget.committed(1_010); // 10 ms: then 90 ms of other work
    expect(budget.due(1_050)).toBe(false);
    expect(budget.due(1_100)).toBe(true);
  });

  it('never waits longer than the cap, and waits for a requested render to land', () => {
    const budget = createRenderBudget(0.1);
    budget.requested(0);
    expect(budget.due(16)).toBe(false);
    budget.committed(200); // 200 ms would mean 1.8 s of waiting
    expect(budget.due(200 + MAX_RENDER_GAP_MS - 1)).toBe(false);
    expect(budget.due(200 + MAX_RENDER_GAP_MS)).toBe(true);
  });

  it('asks again when a requested render never landed', () => {
    const budget = createRenderBudget(0.1);
    budget.requested(0);
    expect(budget.due(500)).toBe(false);
    expect(budget.due(1_000)).toBe(true);
  });

  it('ignores commits it did not ask for (scrolling, option changes)', () => {
    const budget = createRenderBudget(0.1);
    budget.committed(5_000);
    expect(budget.due(5_001)).toBe(true);
  });
});
