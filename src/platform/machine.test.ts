import { describe, expect, it } from 'vitest';
import { defineMachine } from './machine.js';

type S = 'draft' | 'open' | 'small' | 'big' | 'closed';
type R = 'owner' | 'clerk' | 'boss' | 'robot';
interface Snap {
  status: S;
  customerId: number;
  amount: number;
}
const machine = defineMachine<S, R, Snap, 'TOO_SMALL' | 'TOO_BIG'>()({
  states: ['draft', 'open', 'small', 'big', 'closed'],
  terminal: ['closed'],
  creation: { event: 'create', to: 'draft', roles: ['owner'], label: 'Created' },
  transitions: {
    publish: { from: ['draft'], to: 'open', roles: ['owner'], label: 'Publish' },
    approveBig: {
      from: ['open'],
      to: 'big',
      roles: ['clerk'],
      label: 'Approve (big)',
      guard: (s) => (s.amount >= 100 ? { ok: true } : { ok: false, code: 'TOO_SMALL' }),
    },
    approveSmall: {
      from: ['open'],
      to: 'small',
      roles: ['clerk'],
      label: 'Approve (small)',
      public: false,
      guard: (s) => (s.amount < 100 ? { ok: true } : { ok: false, code: 'TOO_BIG' }),
    },
    close: { from: ['small', 'big'], to: 'closed', roles: ['robot'], label: 'Close' },
  },
  predicates: { approved: ['small', 'big'], live: ['open', 'small', 'big'] },
  roles: { owner: 'owner', super: 'boss', machineOnly: ['robot'] },
});
const snap = (over: Partial<Snap> = {}): Snap => ({ status: 'open', customerId: 7, amount: 50, ...over });

describe('defineMachine', () => {
  it('checks role, then state, then the guard', () => {
    expect(machine.check(snap(), 'publish', { role: 'owner', userId: 7 })).toEqual({
      ok: false,
      reason: 'WRONG_STATE',
    });
    expect(machine.check(snap(), 'approveBig', { role: 'owner', userId: 7 })).toEqual({
      ok: false,
      reason: 'FORBIDDEN',
    });
    expect(machine.check(snap(), 'approveBig', { role: 'clerk', userId: 1 })).toEqual({
      ok: false,
      reason: 'TOO_SMALL',
    });
    expect(machine.check(snap({ amount: 100 }), 'approveBig', { role: 'clerk', userId: 1 })).toEqual({
      ok: true,
      to: 'big',
    });
  });

  it('lets the owner act only on its own record, and the super role pass every role but the owner and machine ones', () => {
    const draft = snap({ status: 'draft' });
    expect(machine.check(draft, 'publish', { role: 'owner', userId: 7 }).ok).toBe(true);
    expect(machine.check(draft, 'publish', { role: 'owner', userId: 8 }).ok).toBe(false);
    expect(machine.check(draft, 'publish', { role: 'boss', userId: 1 }).ok).toBe(false);
    expect(machine.check(snap(), 'approveSmall', { role: 'boss', userId: 1 }).ok).toBe(true);
    expect(machine.check(snap({ status: 'big' }), 'close', { role: 'boss', userId: 1 }).ok).toBe(false);
    expect(machine.check(snap({ status: 'big' }), 'close', { role: 'robot' }).ok).toBe(true);
  });

  it('lets the guards, not the caller, pick the target among alternatives', () => {
    const clerk = { role: 'clerk', userId: 1 } as const;
    expect(machine.decide(snap({ amount: 20 }), ['approveBig', 'approveSmall'], clerk)).toEqual({
      ok: true,
      event: 'approveSmall',
      to: 'small',
    });
    expect(machine.decide(snap({ amount: 200 }), ['approveBig', 'approveSmall'], clerk)).toEqual({
      ok: true,
      event: 'approveBig',
      to: 'big',
    });
    expect(machine.decide(snap({ status: 'draft' }), ['approveBig', 'approveSmall'], clerk)).toEqual({
      ok: false,
      reason: 'WRONG_STATE',
    });
  });

  it('lists the events an actor may fire, and none from a terminal state', () => {
    expect(machine.available(snap(), { role: 'clerk', userId: 1 })).toEqual(['approveSmall']);
    expect(machine.available(snap({ status: 'closed' }), { role: 'boss', userId: 1 })).toEqual([]);
    expect(machine.isTerminal('closed')).toBe(true);
    expect(machine.isTerminal('open')).toBe(false);
  });

  it('answers named state predicates and reads roles, visibility and names from the table', () => {
    expect(machine.is.approved('small')).toBe(true);
    expect(machine.is.approved('open')).toBe(false);
    expect(machine.states.filter(machine.is.live)).toEqual(['open', 'small', 'big']);
    expect(machine.rolesFor('close')).toEqual(['robot']);
    expect(machine.isPublic('approveSmall')).toBe(false);
    expect(machine.isPublic('publish')).toBe(true);
    expect(machine.events).toEqual(['publish', 'approveBig', 'approveSmall', 'close']);
    expect(machine.isRecorded('create')).toBe(true);
    expect(machine.isRecorded('close')).toBe(true);
    expect(machine.isRecorded('toString')).toBe(false);
    expect(machine.isEvent('create')).toBe(false);
  });

  it('draws the table as a Mermaid diagram, creation first', () => {
    expect(machine.diagram()).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> draft',
        '  draft --> open: publish (owner)',
        '  open --> big: approveBig (clerk)',
        '  open --> small: approveSmall (clerk)',
        '  small --> closed: close (robot)',
        '  big --> closed: close (robot)',
        '  closed --> [*]',
      ].join('\n'),
    );
  });
});

describe('scoped roles', () => {
  type Held = { status: 'open' | 'done'; customerId: number; holderId: number | null };
  const held = defineMachine<'open' | 'done', 'owner' | 'boss' | 'clerk' | 'agent', Held, never>()({
    states: ['open', 'done'],
    terminal: ['done'],
    creation: { event: 'create', to: 'open', roles: ['owner'], label: 'Created' },
    transitions: {
      note: { from: ['open'], to: 'open', roles: ['agent'], label: 'Note' },
      finish: { from: ['open'], to: 'done', roles: ['agent', 'clerk'], label: 'Finish' },
    },
    predicates: {},
    roles: { owner: 'owner', super: 'boss', scoped: { agent: (s) => s.holderId } },
  });
  const open = (holderId: number | null): Held => ({ status: 'open', customerId: 7, holderId });

  it('lets a scoped role act only on the records the snapshot says it holds', () => {
    expect(held.check(open(5), 'finish', { role: 'agent', userId: 5 }).ok).toBe(true);
    expect(held.check(open(5), 'finish', { role: 'agent', userId: 6 })).toEqual({ ok: false, reason: 'FORBIDDEN' });
    expect(held.check(open(null), 'finish', { role: 'agent', userId: 5 }).ok).toBe(false);
    expect(held.check(open(null), 'finish', { role: 'agent' }).ok).toBe(false);
    // The other roles on the event keep their power; the super role passes through them, not the scoped one.
    expect(held.check(open(5), 'finish', { role: 'clerk', userId: 1 }).ok).toBe(true);
    expect(held.check(open(5), 'finish', { role: 'boss', userId: 1 }).ok).toBe(true);
    expect(held.check(open(5), 'note', { role: 'boss', userId: 5 }).ok).toBe(false);
  });
});
