import { describe, expect, it } from 'vitest';
import { isCommandJournal, notePoll, pollTimes, type CommandJournal } from './commandJournal';

describe('command journal', () => {
  it('keeps regular poll times as [first, step, count] runs and gives every time back in order', () => {
    const polls: CommandJournal['polls'] = [];
    for (const at of [1000, 1100, 1200, 1300, 5000, 5100, 5250]) notePoll(polls, at);
    expect(polls).toEqual([
      [1000, 100, 4],
      [5000, 100, 2],
      [5250, 0, 1],
    ]);
    expect([...pollTimes(polls)]).toEqual([1000, 1100, 1200, 1300, 5000, 5100, 5250]);
  });

  it('replays only a journal of the right shape (snapshots are public and may have been edited)', () => {
    const ok: CommandJournal = {
      at: 1,
      polls: [[1, 100, 3]],
      texts: ['hi\n'],
      tools: [
        { argv: ['wget', '-qO-', 'web'], reads: ['all'], out: [[0, 0]], code: 0 },
        { argv: ['ping', 'x'], job: true, events: [{ n: 2, out: [[1, 0]], code: 1 }] },
      ],
      touched: [['/tmp/n', 'gone', true]],
    };
    expect(isCommandJournal(ok)).toBe(true);
    expect(isCommandJournal(JSON.parse(JSON.stringify(ok)))).toBe(true);
    expect(isCommandJournal({ ...ok, texts: undefined })).toBe(false);
    expect(isCommandJournal({ ...ok, polls: [[1, 100]] })).toBe(false);
    expect(isCommandJournal({ ...ok, tools: [{ argv: 'wget' }] })).toBe(false);
    expect(isCommandJournal({ ...ok, tools: [{ argv: ['wget'], out: [[0, 'hi\n']] }] })).toBe(
      false,
    );
    expect(
      isCommandJournal({ ...ok, tools: [{ argv: ['ping'], events: [{ out: [[0, 0]] }] }] }),
    ).toBe(false);
    expect(isCommandJournal(undefined)).toBe(false);
  });
});
