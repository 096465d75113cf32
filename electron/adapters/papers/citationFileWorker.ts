// Entry point of the citation file worker thread (built to out/main/citationFileWorker.js): reads
// one large BibTeX or RIS file with parseCitationFile and answers with what it found, so parsing
// thousands of entries never holds up the backend's other calls.
import { parseCitationFile } from '../citations/parseCitationFile';
import { serveWorkerJobs } from '../workers/serveWorkerJobs';
import type { CitationFileAnswer, CitationFileRequest } from './citationFileProtocol';

serveWorkerJobs<CitationFileRequest, CitationFileAnswer>(
  'citationFileWorker',
  ({ text, fileName }, answer) => {
    answer({ kind: 'read', result: parseCitationFile(text, { fileName }) });
  },
);
