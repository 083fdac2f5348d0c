export { type AuditAction, type AuditSubject, auditActions, auditSubjects } from './audit.catalog.js';
export { canonicalJson, changedFields, recordHash } from './audit.hash.js';
export { AUDIT_PAGE, type AuditFilters, type AuditPage, auditListInput, listAudit } from './audit.repo.js';
export { auditLog } from './audit.tables.js';
export { type AuditActor, type AuditEntry, lockAuditChain, recordAudit, setAuditActorLookup } from './record-audit.js';
export { auditVerifyCommand, type ChainCheck, verifyAuditChain } from './verify-audit.js';
