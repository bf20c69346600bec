import type { ParsedFile } from '../../facts/parsed-file.js';
import { readListenerCall, readListenerDecorator } from './read-listener.js';
import { readMonitorCall, readMonitorImports } from './read-monitor.js';
import {
  readClassProcessors,
  readProcessorCall,
  readWorkerProcessor,
} from './read-processor.js';
import type { RawFailureFact } from './types.js';

/** Failure listeners, processors (with their catch clauses) and monitors in one file. */
export function extractFailureFacts(file: ParsedFile): RawFailureFact[] {
  const found: RawFailureFact[] = [...readMonitorImports(file)];
  for (const call of file.calls) {
    const fact =
      readListenerCall(file, call) ??
      readProcessorCall(file, call) ??
      readMonitorCall(file, call);
    if (fact) {
      found.push(fact);
    }
  }
  for (const node of file.news) {
    const fact = readWorkerProcessor(file, node);
    if (fact) {
      found.push(fact);
    }
  }
  for (const decorator of file.decorators) {
    const fact = readListenerDecorator(file, decorator);
    if (fact) {
      found.push(fact);
    }
  }
  for (const cls of file.classes) {
    found.push(...readClassProcessors(file, cls));
  }
  return found.sort((a, b) => a.line - b.line);
}
