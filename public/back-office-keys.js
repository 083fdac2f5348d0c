// Back-office keyboard shortcuts. "/" focuses the back-office search, "g" then a letter opens
// a menu section (each menu link carries its letter in data-go), "?" lists them all. Keys
// typed in a field, or pressed with Ctrl, Alt or Meta, are left alone. A module script:
// without JavaScript the back office works the same, only without shortcuts.

/** How long after "g" the second key still counts, in milliseconds. */
export const SEQUENCE_MS = 1500;

export const idle = Object.freeze({ pending: false, at: 0 });

/**
 * One key press: the next state and what to do (null: nothing). Pure, so it is unit-tested.
 * press: { key, time, ctrl, alt, meta, editable }; goKeys: the letters the menu offers.
 */
export function shortcutStep(state, press, goKeys) {
  if (press.ctrl || press.alt || press.meta || press.editable) return { state: idle, action: null };
  const key = press.key;
  if (state.pending && press.time - state.at <= SEQUENCE_MS) {
    const letter = key.length === 1 ? key.toLowerCase() : '';
    if (letter && goKeys.includes(letter)) return { state: idle, action: { type: 'go', key: letter } };
    if (key === 'Shift') return { state, action: null };
  }
  if (key === '/') return { state: idle, action: { type: 'search' } };
  if (key === '?') return { state: idle, action: { type: 'help' } };
  if (key === 'g') return { state: { pending: true, at: press.time }, action: null };
  return { state: idle, action: null };
}

const editable = (el) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

if (typeof document !== 'undefined') {
  const dialog = document.getElementById('bo-keys');
  const opener = document.querySelector('[data-shortcuts]');
  const links = new Map([...document.querySelectorAll('a[data-go]')].map((a) => [a.dataset.go, a]));
  const help = () => {
    if (dialog && !dialog.open) dialog.showModal();
  };
  if (opener && dialog) {
    opener.hidden = false;
    opener.addEventListener('click', help);
  }
  let state = idle;
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || dialog?.open) return;
    const step = shortcutStep(
      state,
      {
        key: event.key,
        time: event.timeStamp,
        ctrl: event.ctrlKey,
        alt: event.altKey,
        meta: event.metaKey,
        editable: editable(event.target),
      },
      [...links.keys()],
    );
    state = step.state;
    if (!step.action) return;
    event.preventDefault();
    if (step.action.type === 'search') document.getElementById('admin-q')?.focus();
    else if (step.action.type === 'help') help();
    else links.get(step.action.key)?.click();
  });
}
