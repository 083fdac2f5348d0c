import { describe, expect, it } from 'vitest';

type State = { pending: boolean; at: number };
type Press = { key: string; time: number; ctrl?: boolean; alt?: boolean; meta?: boolean; editable?: boolean };
type Action = { type: 'search' } | { type: 'help' } | { type: 'go'; key: string } | null;
type Step = (state: State, press: Press, goKeys: string[]) => { state: State; action: Action };

// The script the browser loads from /assets (plain JavaScript, no build step).
const keys = (await import(new URL('../../../public/back-office-keys.js', import.meta.url).href)) as {
  shortcutStep: Step;
  idle: State;
  SEQUENCE_MS: number;
};
const { shortcutStep, idle, SEQUENCE_MS } = keys;
const menu = ['d', 'o', 'c', 'r'];

/** Feeds presses in order and returns the actions taken. */
function run(presses: Press[], goKeys = menu): Action[] {
  let state = idle;
  const actions: Action[] = [];
  for (const p of presses) {
    const step = shortcutStep(state, p, goKeys);
    state = step.state;
    actions.push(step.action);
  }
  return actions;
}

describe('back-office keyboard shortcuts', () => {
  it('"/" focuses the search and "?" opens the list', () => {
    expect(run([{ key: '/', time: 0 }])).toEqual([{ type: 'search' }]);
    expect(run([{ key: '?', time: 0 }])).toEqual([{ type: 'help' }]);
  });

  it('"g" then a menu letter goes there, upper case too; Shift between them does not break the sequence', () => {
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'o', time: 300 },
      ]),
    ).toEqual([null, { type: 'go', key: 'o' }]);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'Shift', time: 100 },
        { key: 'R', time: 300 },
      ]),
    ).toEqual([null, null, { type: 'go', key: 'r' }]);
  });

  it('a letter without "g", a letter the menu does not offer, or one too late does nothing', () => {
    expect(run([{ key: 'o', time: 0 }])).toEqual([null]);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'p', time: 100 },
      ]),
    ).toEqual([null, null]);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'o', time: SEQUENCE_MS + 1 },
      ]),
    ).toEqual([null, null]);
    // After a miss the next "o" alone is not a sequence either.
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'x', time: 100 },
        { key: 'o', time: 200 },
      ]),
    ).toEqual([null, null, null]);
    // "g g o": the second "g" starts the sequence again.
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'g', time: 100 },
        { key: 'o', time: 200 },
      ]),
    ).toEqual([null, null, { type: 'go', key: 'o' }]);
  });

  it('keys typed in a field or with Ctrl, Alt or Meta are left alone, and cancel a started sequence', () => {
    expect(run([{ key: '/', time: 0, editable: true }])).toEqual([null]);
    expect(run([{ key: '?', time: 0, editable: true }])).toEqual([null]);
    expect(
      run([
        { key: 'g', time: 0, editable: true },
        { key: 'o', time: 100, editable: true },
      ]),
    ).toEqual([null, null]);
    expect(run([{ key: '/', time: 0, ctrl: true }])).toEqual([null]);
    expect(
      run([
        { key: 'g', time: 0, meta: true },
        { key: 'o', time: 100 },
      ]),
    ).toEqual([null, null]);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'o', time: 100, alt: true },
      ]),
    ).toEqual([null, null]);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'o', time: 100, editable: true },
      ]),
    ).toEqual([null, null]);
  });
});
