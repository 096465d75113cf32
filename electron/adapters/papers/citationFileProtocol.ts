import type { CitationFileResult } from '../citations/parseCitationFile';

/** One file to read, sent to the citation file worker. */
export interface CitationFileRequest {
  text: string;
  fileName: string;
}

/** The worker's one answer. */
export type CitationFileReply =
  { kind: 'read'; result: CitationFileResult } | { kind: 'crashed'; message: string };
