/**
 * One state-machine engine for every stateful record (orders, after-sales cases). A machine
 * is data: its creation, its transitions keyed by event (from, to, roles, label, pure guard)
 * and named state predicates. Everything else (the decision actions go through, the buttons
 * a page shows, the roles a route demands, the Mermaid diagram) is derived here, so the
 * tables never carry their own copy of the rules. Pure: no IO, no clock of its own.
 */

export type GuardResult<G extends string> = { ok: true } | { ok: false; code: G };

export interface MachineActor<R extends string> {
  role: R;
  userId?: number;
}

/** Guards see the snapshot the action loaded beforehand; they never query anything. */
export interface MachineSnapshot<S extends string> {
  status: S;
  customerId: number;
}

export interface TransitionDef<S extends string, R extends string, Snap, G extends string> {
  from: readonly S[];
  to: S;
  roles: readonly R[];
  /** English label; pages translate it by event name. */
  label: string;
  /** Shown to the customer on the timeline (default true). */
  public?: boolean;
  guard?: (snapshot: Snap, actor: MachineActor<R>, now: Date) => GuardResult<G>;
}

/** How a record comes to exist: an event like any other, with no `from`. */
export interface CreationDef<S extends string, R extends string, C extends string = string> {
  event: C;
  to: S;
  roles: readonly R[];
  label: string;
}

/**
 * Who passes a role list. The owner role acts only on its own record; the super role (admin)
 * passes every role a person holds, but never the owner's, a machine-only role (the sweep) nor
 * a scoped one. A scoped role acts only where the snapshot names the actor as the one holding
 * the record for now (a repair center's owner on the cases routed to their center).
 */
export interface RolePolicy<R extends string, Snap = unknown> {
  owner: R;
  super: R;
  machineOnly?: readonly R[];
  scoped?: Partial<Record<R, (snapshot: Snap) => number | null>>;
}

export type TransitionCheck<S extends string, G extends string> =
  | { ok: true; to: S }
  | { ok: false; reason: 'WRONG_STATE' | 'FORBIDDEN' | G };

export interface MachineDef<
  S extends string,
  R extends string,
  Snap extends MachineSnapshot<S>,
  G extends string,
  T extends Record<string, TransitionDef<S, R, Snap, G>>,
  P extends Record<string, readonly S[]>,
  C extends string = string,
> {
  states: readonly S[];
  terminal: readonly S[];
  creation: CreationDef<S, R, C>;
  transitions: T;
  predicates: P;
  roles: RolePolicy<R, Snap>;
}

const pass = { ok: true } as const;

/**
 * `defineMachine<State, Role, Snapshot, GuardCode>()({ … })`: the first call fixes the
 * machine's vocabulary (TypeScript cannot infer it from the guards), the second takes the
 * table and keeps its event names and predicate names literal.
 */
export const defineMachine =
  <S extends string, R extends string, Snap extends MachineSnapshot<S>, G extends string>() =>
  <
    const T extends Record<string, TransitionDef<S, R, Snap, G>>,
    const P extends Record<string, readonly S[]>,
    const C extends string,
  >(
    def: MachineDef<S, R, Snap, G, T, P, C>,
  ) =>
    build(def);

function build<
  S extends string,
  R extends string,
  Snap extends MachineSnapshot<S>,
  G extends string,
  T extends Record<string, TransitionDef<S, R, Snap, G>>,
  P extends Record<string, readonly S[]>,
  C extends string,
>(def: MachineDef<S, R, Snap, G, T, P, C>) {
  type E = keyof T & string;
  const events = Object.keys(def.transitions) as [E, ...E[]];
  const entry = (event: E): TransitionDef<S, R, Snap, G> => def.transitions[event] as TransitionDef<S, R, Snap, G>;

  const allows = (roles: readonly R[], snapshot: Snap, actor: MachineActor<R>) => {
    const { owner, super: sup, machineOnly = [] } = def.roles;
    const scoped: Partial<Record<R, (snapshot: Snap) => number | null>> = def.roles.scoped ?? {};
    if (actor.role === owner) return roles.includes(owner) && actor.userId === snapshot.customerId;
    if (actor.role === sup) return roles.some((r) => r !== owner && !machineOnly.includes(r) && !(r in scoped));
    const holder = scoped[actor.role];
    if (holder) return roles.includes(actor.role) && actor.userId !== undefined && actor.userId === holder(snapshot);
    return roles.includes(actor.role);
  };

  /** The single decision every action goes through. */
  const check = (snapshot: Snap, event: E, actor: MachineActor<R>, now = new Date()): TransitionCheck<S, G> => {
    const t = entry(event);
    if (!allows(t.roles, snapshot, actor)) return { ok: false, reason: 'FORBIDDEN' };
    if (!t.from.includes(snapshot.status)) return { ok: false, reason: 'WRONG_STATE' };
    const guard = t.guard?.(snapshot, actor, now) ?? pass;
    return guard.ok ? { ok: true, to: t.to } : { ok: false, reason: guard.code };
  };

  /**
   * One decision among alternatives: the first event the table allows wins, so which state
   * comes next is the guards' call, not the action's (a payment approval that covers the
   * total moves on, one that does not goes back to awaiting payment). When none is allowed,
   * the refusal of the first explains why.
   */
  const decide = (
    snapshot: Snap,
    alternatives: readonly [E, ...E[]],
    actor: MachineActor<R>,
    now = new Date(),
  ): { ok: true; event: E; to: S } | { ok: false; reason: 'WRONG_STATE' | 'FORBIDDEN' | G } => {
    let first: TransitionCheck<S, G> | undefined;
    for (const event of alternatives) {
      const c = check(snapshot, event, actor, now);
      if (c.ok) return { ok: true, event, to: c.to };
      first ??= c;
    }
    return first as { ok: false; reason: 'WRONG_STATE' | 'FORBIDDEN' | G };
  };

  // Any string is asked, so a status read as text (a verify page, a join) needs no cast.
  const inStates = (states: readonly string[]) => (s: string) => states.includes(s);
  const is = Object.fromEntries(Object.entries(def.predicates).map(([k, v]) => [k, inStates(v)])) as {
    [K in keyof P]: (s: string) => boolean;
  };

  return {
    ...def,
    events,
    check,
    decide,
    /** Events this actor may fire now: the buttons a page shows and the API's next actions. */
    available: (snapshot: Snap, actor: MachineActor<R>, now = new Date()): E[] =>
      events.filter((e) => check(snapshot, e, actor, now).ok),
    isTerminal: (s: S) => def.terminal.includes(s),
    /** Named state sets (`paid`, `open`…): pages and queries ask these instead of listing states. */
    is,
    /** The event's roles, for a route to demand before loading anything. */
    rolesFor: (event: E): readonly R[] => entry(event).roles,
    isPublic: (event: E) => entry(event).public ?? true,
    isEvent: (name: string): name is E => Object.hasOwn(def.transitions, name),
    /** A stored event row names creation or a transition: the timeline labels both from the table. */
    isRecorded: (name: string): name is E | C => name === def.creation.event || Object.hasOwn(def.transitions, name),
    /** Mermaid state diagram generated from the table. */
    diagram(): string {
      const lines = ['stateDiagram-v2', `  [*] --> ${def.creation.to}`];
      for (const event of events) {
        const t = entry(event);
        for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${event} (${t.roles.join(', ')})`);
      }
      for (const s of def.terminal) lines.push(`  ${s} --> [*]`);
      return lines.join('\n');
    },
  };
}
