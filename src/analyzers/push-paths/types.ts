import type { Expr } from '../../facts/expr.js';

/** How a server reaches browsers: ws, socket.io, or server-sent events. */
export type PushTransport = 'websocket' | 'socket.io' | 'sse';

/** A write to connected clients: `ws.send`, `io.to(room).emit`, `res.write('data: ...')`. */
export interface SocketSend {
  transport: PushTransport;
  line: number;
  detail: string;
  /**
   * Whether the send addresses many clients through the server (`io.emit`,
   * `io.to(room).emit`, `socket.broadcast`): what a socket.io adapter
   * carries to other instances. `socket.emit` to one client is not.
   */
  broadcast: boolean;
}

export type PushItem =
  | { kind: 'server'; transport: PushTransport; line: number; detail: string }
  | ({ kind: 'send' } & SocketSend)
  | { kind: 'adapter'; line: number; detail: string }
  | {
      /** A pub/sub message handler that sends to sockets. */
      kind: 'relay';
      line: number;
      detail: string;
      /** Channel when the handler is given with it: `subscribe('ch', fn)`. */
      channel?: Expr;
      sends: SocketSend[];
    }
  | { kind: 'subscribe'; line: number; channel: Expr; pattern: boolean }
  | { kind: 'publish'; line: number; channel: Expr };
