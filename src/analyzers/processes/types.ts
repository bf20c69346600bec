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
}
