/**
 * Terminal input -> Turn. The terminal is one local workspace with one conversation per user.
 */
import { randomUUID } from 'node:crypto';
import type { Turn } from '../../src/turn.js';

export function textToTurn(text: string, user: { id: string; name: string }): Turn {
  return {
    platform: 'cli',
    workspace: 'local',
    conversation: `cli-${user.id}`,
    user,
    text,
    eventId: randomUUID(),
    origin: { channel: 'terminal' },
  };
}
