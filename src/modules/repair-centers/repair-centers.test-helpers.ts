import type { FastifyInstance } from 'fastify';
import type { BrowserClient } from '../../../test/browser-client.js';

/** A 1×1 PNG, a 1×1 JPEG header and something that only claims to be an image. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const NOT_AN_IMAGE = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

export interface Upload {
  filename: string;
  type: string;
  data: Buffer;
}

/** Posts a multipart form the way a browser does: the CSRF token is the form's first field. */
export async function postMultipart(
  app: FastifyInstance,
  client: BrowserClient,
  url: string,
  fields: Record<string, string | string[]>,
  photos: Upload[] = [],
) {
  const boundary = `----hc${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const push = (s: string) => chunks.push(Buffer.from(s));
  for (const [name, value] of Object.entries({ _csrf: client.csrf, ...fields })) {
    for (const v of [value].flat())
      push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`);
  }
  for (const p of photos) {
    push(
      `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`,
    );
    chunks.push(p.data);
    push('\r\n');
  }
  push(`--${boundary}--\r\n`);
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: client.ip,
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: client.cookieHeader },
  });
}

let n = 0;
export const validCenter = (overrides: Record<string, string | string[]> = {}) => ({
  name: `Almaty Miner Service ${++n}`,
  country: 'KZ',
  city: 'Almaty',
  address: '12 Abay Avenue',
  phone: '+7 727 000 0000',
  whatsapp: '+7 701 000 0000',
  email: 'repairs@example.kz',
  brands: 'Bitmain, MicroBT',
  models: 'Antminer S19, S21; WhatsMiner M50',
  services: ['hash_board', 'psu'],
  openingHours: 'Mon–Fri 9:00–18:00',
  website: 'https://repairs.example.kz',
  description: 'Hash board and PSU repair since 2017.',
  lat: '43.2389',
  lng: '76.8897',
  ...overrides,
});
