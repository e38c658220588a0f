// Every vitest file runs with the outbound guard, and fails if anything in it
// tried to reach a host other than this machine or the lab: a refusal alone
// could pass unnoticed as "unreachable".
import { afterAll, beforeAll, expect } from 'vitest';
import { takeRefusedHosts } from './outboundGuard.mjs';

beforeAll(() => {
  takeRefusedHosts();
});
afterAll(() => {
  expect(takeRefusedHosts(), 'connections refused by the outbound guard (test/support/outboundGuard.mjs)').toEqual([]);
});
