import { describe, expect, it } from 'vitest';
import { closestCommand, route } from '../../src/intents/registry.js';

const intentOf = (text: string) => {
  const r = route(text);
  return r.type === 'intent' ? `${r.intent.id}|${r.args}` : `unknown|${r.word}|${r.suggestion?.command ?? ''}`;
};

describe('router', () => {
  it.each([
    ['/iso what is A.5.15', 'ask|what is A.5.15'],
    ['what is A.5.15', 'ask|what is A.5.15'],
    ['/risk add "Laptops" likelihood=4', 'risk|add "Laptops" likelihood=4'],
    ['risk list mine', 'risk|list mine'],
    ['/risk', 'risk|'],
    ['/gapcheck 27001', 'gapcheck|27001'],
    ['gapcheck resume', 'gapcheck|resume'],
    ['help', 'help|'],
    ['help risk', 'help|risk'],
    ['/help', 'help|'],
    ['log a risk: our vendor has no SOC 2 report', 'risk|add our vendor has no SOC 2 report'],
    ['start a readiness check', 'gapcheck|'],
    ['start a gap check for 42001', 'gapcheck|42001'],
  ])('%s -> %s', (text, expected) => {
    expect(intentOf(text)).toBe(expected);
  });

  it('treats "risk" followed by ordinary words as a question, not a command', () => {
    expect(intentOf('risk assessment requirements in 42001')).toBe('ask|risk assessment requirements in 42001');
  });

  it('names the closest valid command for an unknown one', () => {
    expect(intentOf('/rsik list')).toBe('unknown|rsik|risk');
    expect(intentOf('/gapchek')).toBe('unknown|gapchek|gapcheck');
    expect(closestCommand('isoo')?.command).toBe('iso');
  });

  it('suggests nothing for a word unlike any command', () => {
    expect(intentOf('/zzzzzzzzzz')).toBe('unknown|zzzzzzzzzz|');
  });
});
