/**
 * What a file does that tells which kind of process runs it.
 * - `listen`: an HTTP server (`app.listen`, `http.createServer`).
 * - `nest-http`: `NestFactory.create`, an HTTP application.
 * - `nest-context`: `NestFactory.createApplicationContext`, no HTTP.
 * - `websocket`: a ws or socket.io server, a Nest gateway.
 * - `worker`: a queue consumer (BullMQ `Worker`, Bull `.process`, ...).
 * - `schedule`: a cron or interval schedule.
 */
export type SignalKind =
  'listen' | 'nest-http' | 'nest-context' | 'websocket' | 'worker' | 'schedule';

export interface ProcessSignal {
  signal: SignalKind;
  line: number;
  /** The construct as written, shortened: `app.listen`, `new Worker`. */
  detail: string;
  /**
   * Top-level functions or classes of the file the signal runs inside.
   * Absent when it runs as soon as the module is loaded; otherwise it runs
   * only in a process that imports one of these names.
   */
  scopes?: string[];
  /**
   * Set at build when every scope is a class: the signal runs only once
   * something creates an instance.
   */
  inClass?: boolean;
}

/**
 * The lines of a top-level class. What runs inside it (a worker built in a
 * constructor, a schedule in a method) waits for someone to create an
 * instance, which a library's barrel or `main` field never does by itself.
 */
export interface ClassSpan {
  classSpan: string;
  line: number;
  endLine: number;
}

/** What this analyzer takes from one file. */
export type ProcessFact = ProcessSignal | ClassSpan;

export function isClassSpan(fact: ProcessFact): fact is ClassSpan {
  return 'classSpan' in fact;
}
