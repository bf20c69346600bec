import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from 'pino';

/** A destination whose JSON lines are parsed for assertions. */
export function captureSink(): {
  sink: Writable;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '') {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
      }
      done();
    },
  });
  return { sink, lines };
}

/** A real pino logger whose JSON lines are parsed for assertions. */
export function captureLog(level: pino.Level = 'debug'): {
  log: Logger;
  lines: Record<string, unknown>[];
} {
  const { sink, lines } = captureSink();
  return { log: pino({ level }, sink), lines };
}
