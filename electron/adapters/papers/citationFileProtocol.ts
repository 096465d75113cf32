import type { CitationFileResult } from '../citations/parseCitationFile';
import { readResultOf } from '../workers/workerJobProtocol';

/** One file to read, sent to the citation file worker; the runner adds the id. */
export interface CitationFileRequest {
  text: string;
  fileName: string;
}

/** The worker's one answer. (The runner's envelope adds `ready` and `crashed`.) */
export interface CitationFileAnswer {
  kind: 'read';
  result: CitationFileResult;
}

/** Whether a message from the citation file worker is an answer with a result of the right form. */
export function isCitationFileAnswer(message: object): message is CitationFileAnswer {
  const result = readResultOf(message);
  if (result?.ok === false) {
    return typeof result.reason === 'string' && typeof result.message === 'string';
  }
  return result?.ok === true && Array.isArray(result.references) && Array.isArray(result.problems);
}
