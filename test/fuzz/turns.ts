/** What every adapter's to-turn must produce, whatever the payload held. */
import { expect } from 'vitest';
import type { Turn } from '../../src/turn.js';

export function expectValidTurn(turn: Turn, platform: Turn['platform']): void {
  expect(turn.platform).toBe(platform);
  expect(typeof turn.workspace).toBe('string');
  expect(typeof turn.conversation).toBe('string');
  expect(typeof turn.user.id).toBe('string');
  expect(typeof turn.user.name).toBe('string');
  if (turn.text !== undefined) expect(typeof turn.text).toBe('string');
  if (turn.action !== undefined) expect(typeof turn.action.command).toBe('string');
  if (turn.eventId !== undefined) expect(typeof turn.eventId).toBe('string');
  if (turn.form !== undefined) {
    expect(typeof turn.form.id).toBe('string');
    for (const v of Object.values(turn.form.values)) {
      if (v === undefined || typeof v === 'string') continue;
      expect(Array.isArray(v) && v.every((x) => typeof x === 'string'), `form value ${JSON.stringify(v)}`).toBe(true);
    }
  }
  for (const [k, v] of Object.entries(turn.origin ?? {})) expect(typeof v, `origin.${k}`).toBe('string');
  // A turn must survive the trip through JSON (logs, stores) unchanged.
  expect(JSON.parse(JSON.stringify(turn))).toEqual(turn);
}
