// Entry point of the citation file worker thread (built to out/main/citationFileWorker.js): reads
// one large BibTeX or RIS file with parseCitationFile and answers with what it found, so parsing
// thousands of entries never holds up the backend's other calls.
import { parentPort } from 'node:worker_threads';
import { parseCitationFile } from '../citations/parseCitationFile';
import type { CitationFileReply, CitationFileRequest } from './citationFileProtocol';

const port = parentPort;
if (!port) throw new Error('citationFileWorker must run in a worker thread.');

port.on('message', ({ text, fileName }: CitationFileRequest) => {
  let reply: CitationFileReply;
  try {
    reply = { kind: 'read', result: parseCitationFile(text, { fileName }) };
  } catch (error) {
    reply = { kind: 'crashed', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
