import type { ParsedFile } from '../../facts/parsed-file.js';
import { readClosers } from './read-closer.js';
import {
  readConsumerCall,
  readProcessorClass,
  readWorkerConsumer,
} from './read-consumer.js';
import { readHandlerCall, readLifecycleHooks } from './read-handler.js';
import type { RawShutdownFact } from './types.js';

/** Shutdown handlers, closing helpers and the workers they should close, in one file. */
export function extractShutdownFacts(file: ParsedFile): RawShutdownFact[] {
  const found: RawShutdownFact[] = [];
  for (const call of file.calls) {
    const fact = readHandlerCall(file, call) ?? readConsumerCall(file, call);
    if (fact) {
      found.push(fact);
    }
  }
  for (const node of file.news) {
    const fact = readWorkerConsumer(file, node);
    if (fact) {
      found.push(fact);
    }
  }
  for (const cls of file.classes) {
    found.push(...readLifecycleHooks(cls));
    const processor = readProcessorClass(file, cls);
    if (processor) {
      found.push(processor);
    }
  }
  found.push(...readClosers(file.sourceFile));
  return found.sort((a, b) => a.line - b.line);
}
