import type { ParsedFile } from '../types.js';
import { extractRelays } from './extract-relays.js';
import { extractAdapters, extractServers } from './extract-servers.js';
import { fileTraits, socketSendOf } from './socket-sends.js';
import type { PushItem } from './types.js';

/** Socket servers, socket sends, adapters and pub/sub relays of one file. */
export function extractPushItems(file: ParsedFile): PushItem[] {
  const traits = fileTraits(file);
  const sends: PushItem[] = [];
  for (const call of file.calls) {
    const send = socketSendOf(call, traits);
    if (send) {
      sends.push({ kind: 'send', ...send });
    }
  }
  return [
    ...extractServers(file),
    ...sends,
    ...extractAdapters(file),
    ...extractRelays(file, traits),
  ];
}
