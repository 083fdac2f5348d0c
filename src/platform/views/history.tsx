import type { PageContext } from '../http/page-context.js';
import { viaLabel } from './via-label.js';

export interface TimelineEvent {
  event: string;
  note: string | null;
  createdAt: Date;
  via?: string | null;
}

/** A record's history, oldest first. `label` names a recorded event; anything else shows as stored. */
export function Timeline<E extends TimelineEvent>({
  ctx,
  events,
  label,
  showVia = false,
  attached,
}: {
  ctx: PageContext;
  events: E[];
  label: (event: string) => string | undefined;
  /** Staff see how an event was made when not in person ("via token ERP sync"). */
  showVia?: boolean;
  /** What came with a step (a diagnosis's photos). */
  attached?: (e: E) => JSX.Element | string;
}) {
  return (
    <ol class="timeline">
      {events.map((e) => {
        const name = label(e.event);
        return (
          <li>
            <time datetime={e.createdAt.toISOString()}>{ctx.i18n.dateTime(e.createdAt)}</time>{' '}
            <strong>{name === undefined ? <span safe>{e.event}</span> : name}</strong>
            {showVia && e.via && <span class="via" safe>{` ${viaLabel(ctx.i18n.locale, e.via)}`}</span>}
            {e.note && (
              <span class="note" safe>
                {e.note}
              </span>
            )}
            {attached?.(e)}
          </li>
        );
      })}
    </ol>
  );
}

export interface ThreadMessage {
  body: string;
  fromStaff: boolean;
  /** Staff-only notes (orders have them; cases do not). */
  internal?: boolean;
  createdAt: Date;
}

/** Messages between the buyer and the shop, oldest first; `attached` adds what came with a message. */
export function Thread<M extends ThreadMessage>({
  ctx,
  messages,
  attached,
}: {
  ctx: PageContext;
  messages: M[];
  attached?: (m: M) => JSX.Element | string;
}) {
  const { t, i18n } = ctx;
  if (!messages.length) return <p class="hint">{t('thread.empty')}</p>;
  return (
    <ol class="thread">
      {messages.map((m) => (
        <li class={m.internal ? 'internal' : m.fromStaff ? 'staff' : 'buyer'}>
          <p class="meta">
            {m.internal ? t('thread.internal') : m.fromStaff ? t('thread.fromShop') : t('thread.fromBuyer')} ·{' '}
            {i18n.dateTime(m.createdAt)}
          </p>
          <p class="body" safe>
            {m.body}
          </p>
          {attached?.(m)}
        </li>
      ))}
    </ol>
  );
}
