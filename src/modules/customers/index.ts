/** Customers as staff see them: notes and tags only staff read (the customer page is composed in src/pages). */

export { customerRoutes } from './customer.routes.js';
export { type StaffNotes, staffNotesOf } from './customer-notes.repo.js';
export { StaffNotesSection } from './views/staff-notes.js';
