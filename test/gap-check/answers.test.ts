/**
 * Typed replies in an interview: answers by word or number, steering words, and everything else
 * left alone (so the engine re-asks instead of guessing).
 */
import { describe, expect, it } from 'vitest';
import { readAnswerValue, readReply } from '../../src/gap-check/answers.js';

const read = (text: string) => {
  const r = readReply(text);
  return r === undefined ? 'none' : r.type === 'answer' ? r.value : r.type;
};

describe('typed replies', () => {
  it.each([
    ['yes', 'yes'], ['Y', 'yes'], ['1', 'yes'], ['1.', 'yes'], ['[1]', 'yes'], ['Yes, we have one.', 'yes'],
    ['partly', 'partly'], ['Partially', 'partly'], ['2', 'partly'], ['in progress', 'partly'],
    ['no', 'no'], ['N', 'no'], ['3', 'no'], ['not yet', 'no'], ['No, not at all', 'no'],
    ['not sure', 'unsure'], ["don't know", 'unsure'], ['No idea', 'unsure'], ['4', 'unsure'], ['dunno', 'unsure'],
    ['n/a', 'na'], ['N/A', 'na'], ['not applicable', 'na'], ['5', 'na'], ["doesn't apply", 'na'],
    ['back', 'back'], ['skip', 'skip'], ['status', 'status'], ['why', 'why'], ['help', 'why'], ['cancel', 'cancel'], ['stop', 'cancel'],
    ['finish', 'finish'], ['finish now', 'finish-now'], ['resume', 'resume'],
  ])('"%s" reads as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([['we have a policy but it is old'], ['what is A.5.15?'], ['6'], ['yes no'], ['nobody knows'], [''], ['y'.repeat(100)]])('"%s" is not an answer', (text) => {
    expect(read(text)).toBe('none');
  });

  it('reads the answer word of a button command', () => {
    expect(readAnswerValue('unsure')).toBe('unsure');
    expect(readAnswerValue('na')).toBe('na');
    expect(readAnswerValue('skip')).toBeUndefined();
  });
});
