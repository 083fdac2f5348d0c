import type { FieldErrors } from '../../../platform/http/forms.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Thread, Timeline, type TimelineEvent } from '../../../platform/views/history.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { caseMachine } from '../case.machine.js';
import type { CaseFile } from '../case.repo.js';
import { caseTone, centerClocks, countdown } from '../case.rules.js';
import type { CaseState } from '../case.states.js';

export function CaseBadge({ ctx, state }: { ctx: PageContext; state: CaseState }) {
  return <span class={`badge ${caseTone[state]}`}>{ctx.t(`caseState.${state}`)}</span>;
}

/** "due in 1 d 4 h" in the colour of whoever owes it, or red "overdue by …" (DESIGN §4b promises with clocks). */
export function DueBadge({ ctx, dueAt, now }: { ctx: PageContext; dueAt: Date | null; now: Date }) {
  if (!dueAt) return '';
  const { t, i18n } = ctx;
  const c = countdown(dueAt, now);
  const time = c.days ? t('case.daysHours', { d: c.days, h: c.hours }) : t('case.hours', { h: c.hours });
  return (
    <span class={`due ${c.overdue ? 'overdue' : ''}`}>
      <time datetime={dueAt.toISOString()}>{i18n.dateTime(dueAt)}</time>{' '}
      <span class={`badge ${c.overdue ? 'problem' : 'staff'}`}>
        {c.overdue ? t('case.overdueBy', { time }) : t('case.dueIn', { time })}
      </span>
    </span>
  );
}

/** The repair center's clocks while it has the unit (a <dl> fragment): diagnosis, then the outcome. */
export function CenterDeadlines({
  ctx,
  c,
  now,
}: {
  ctx: PageContext;
  c: Parameters<typeof centerClocks>[0];
  now: Date;
}) {
  const { t } = ctx;
  const k = centerClocks(c, now);
  return (
    <>
      {k.diagnosis && (
        <>
          <dt>{t('portal.diagnosisDue')}</dt>
          <dd>
            <DueBadge ctx={ctx} dueAt={k.diagnosis.dueAt} now={now} />
          </dd>
        </>
      )}
      {k.repair && (
        <>
          <dt>{t('portal.repairDue')}</dt>
          <dd>
            <DueBadge ctx={ctx} dueAt={k.repair.dueAt} now={now} />
          </dd>
        </>
      )}
    </>
  );
}

/** The buyer's own evidence: files sent with the claim, not with a message or a step. */
export const evidenceOf = (files: CaseFile[]) => files.filter((f) => f.messageId === null && f.eventId === null);

/**
 * The case's events, named in the reader's language, each with the photos that show it (through `base`);
 * `showVia` (staff) adds how a step was made when not in person.
 */
export function CaseTimeline({
  ctx,
  events,
  files = [],
  base = '',
  showVia = false,
}: {
  ctx: PageContext;
  events: (TimelineEvent & { id: number })[];
  files?: CaseFile[];
  base?: string;
  showVia?: boolean;
}) {
  return (
    <Timeline
      ctx={ctx}
      events={events}
      showVia={showVia}
      label={(e) => (caseMachine.isRecorded(e) ? ctx.t(`caseEvent.${e}`) : undefined)}
      attached={(e) => {
        const shown = files.filter((f) => f.eventId === e.id);
        return shown.length ? <MediaGallery ctx={ctx} files={shown} base={base} /> : '';
      }}
    />
  );
}

/** Kita's video type lacks `preload`: fetch only metadata until the viewer presses play. */
const metadataOnly = { preload: 'metadata' };

/** Photos as thumbnails of their re-encoded preview, videos as players; each opens or downloads through `base`. */
export function MediaGallery({ ctx, files, base }: { ctx: PageContext; files: CaseFile[]; base: string }) {
  const { t } = ctx;
  if (!files.length) return <p class="hint">{t('case.noEvidence')}</p>;
  let photos = 0;
  let videos = 0;
  return (
    <ul class="media-gallery">
      {files.map((f) => {
        const url = `${base}/${f.id}`;
        if (f.kind === 'photo') {
          const label = t('case.photo', { n: ++photos });
          return (
            <li>
              <a href={url}>
                <img src={url} alt={label} loading="lazy" />
              </a>
            </li>
          );
        }
        const label = t('case.video', { n: ++videos });
        return (
          <li>
            <video src={url} controls aria-label={label} {...metadataOnly} />
            <a href={url}>
              {t('case.download')} · {label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The case thread: messages with the files sent along, and the form to write (multipart, so files can go too). */
export function CaseThread({
  ctx,
  messages,
  files,
  base,
  action,
  errors,
}: {
  ctx: PageContext;
  messages: { id: number; body: string; fromStaff: boolean; createdAt: Date }[];
  files: CaseFile[];
  base: string;
  action: string;
  /** A refused message (empty body, refused file): shown above the form. */
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const error = errors && Object.values(errors)[0];
  return (
    <section class="card" id="thread">
      <h2>{t('thread.title')}</h2>
      <Thread
        ctx={ctx}
        messages={messages}
        attached={(m) => {
          const withIt = files.filter((f) => f.messageId === m.id);
          return withIt.length > 0 ? <MediaGallery ctx={ctx} files={withIt} base={base} /> : '';
        }}
      />
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        {error && (
          <p class="form-error" role="alert">
            {t(error)}
          </p>
        )}
        <label for="f-body">{t('thread.write')}</label>
        <textarea id="f-body" name="body" rows="3" maxlength="4000" required />
        <label for="f-attach">{t('case.attach')}</label>
        <input
          id="f-attach"
          name="media"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm"
        />
        <button type="submit">{t('thread.send')}</button>
      </form>
    </section>
  );
}
