import { z } from 'zod';
import { webhookEventTypes } from './webhook.events.js';
import { checkEndpointUrl } from './webhook.rules.js';

/** The admin's "Add endpoint" form: a URL the posture allows (ADR 0031), a note, the events. */
export const createEndpointInput = (allowPrivate: boolean) =>
  z.object({
    url: z
      .string()
      .trim()
      .min(1, { message: 'field.required' })
      .max(2000, { message: 'field.tooLong' })
      .superRefine((url, ctx) => {
        const problem = checkEndpointUrl(url, allowPrivate);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    description: z.string().trim().max(200, { message: 'field.tooLong' }).default(''),
    events: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(webhookEventTypes, { message: 'field.invalid' })).min(1, { message: 'field.webhookEvents' }),
    ),
  });
export type CreateEndpointInput = z.output<ReturnType<typeof createEndpointInput>>;
