import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { userDirectory } from '../accounts/index.js';
import { customerNotes, customerTags } from './customer.tables.js';

/** The customer's notes (newest first, with their authors) and tags, for the staff customer page. */
export async function staffNotesOf(db: DbOrTx, customerId: number) {
  const authors = userDirectory('note_authors');
  const [notes, tags] = await Promise.all([
    db
      .select({
        id: customerNotes.id,
        body: customerNotes.body,
        createdAt: customerNotes.createdAt,
        author: authors.fullName,
      })
      .from(customerNotes)
      .innerJoin(authors, eq(authors.id, customerNotes.authorId))
      .where(eq(customerNotes.customerId, customerId))
      .orderBy(desc(customerNotes.id))
      .limit(100),
    db
      .select({ tag: customerTags.tag })
      .from(customerTags)
      .where(eq(customerTags.customerId, customerId))
      .orderBy(asc(customerTags.tag)),
  ]);
  return { notes, tags: tags.map((t) => t.tag) };
}

export type StaffNotes = Awaited<ReturnType<typeof staffNotesOf>>;

export async function insertNote(tx: DbOrTx, customerId: number, authorId: number, body: string) {
  await tx.insert(customerNotes).values({ customerId, authorId, body });
}

/** Adding a tag twice is one tag (the primary key), not an error. */
export async function insertTag(tx: DbOrTx, customerId: number, tag: string) {
  await tx.insert(customerTags).values({ customerId, tag }).onConflictDoNothing();
}

export async function deleteTag(tx: DbOrTx, customerId: number, tag: string) {
  await tx.delete(customerTags).where(and(eq(customerTags.customerId, customerId), eq(customerTags.tag, tag)));
}
