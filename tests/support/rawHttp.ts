/**
 * Raw HTTP over a socket, for what a well-behaved client never sends (a malformed request line,
 * oversized headers, a body that stops half way): the whole answer as text, parsed loosely.
 */
import net from 'node:net';

export interface RawAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** How long the server took to answer (or close), in ms. */
  ms: number;
  /** The server closed the connection (rather than the reader giving up after timeoutMs). */
  closedByServer: boolean;
}

/** Writes `chunks` (each after `gapMs`) to 127.0.0.1:port and reads until the server closes or `timeoutMs`. */
export function rawRequest(port: number, chunks: string[], options: { gapMs?: number; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let closedByServer = false;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [status = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ statusCode: Number(status.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), ms: Date.now() - started, closedByServer });
    };
    const timer = setTimeout(done, options.timeoutMs ?? 10_000);
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.on('close', () => {
      closedByServer = true;
      done();
    });
    socket.on('error', (e) => (text ? done() : reject(e)));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
    });
  });
}
