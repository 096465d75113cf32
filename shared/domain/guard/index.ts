export * from './findings';
export { redact, type Redaction } from './redact';
export { scanForPhi } from './scanForPhi';
