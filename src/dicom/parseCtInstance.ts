// Kept for callers of the single-frame API; the work is in parseDicomFile.ts.
export { parseCtInstance } from './parseDicomFile';
