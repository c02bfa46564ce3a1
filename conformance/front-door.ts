// Port 443 inside the private network namespace: where a direct (proxy-less) connection to a lab host name
// lands, since the private hosts file maps every name to 127.0.0.1. It reads the TLS ClientHello's server
// name without terminating TLS and splices the connection to the lab origin for the OpenAI hosts; any other
// name (api.github.com, github.com: Codex's start-up contacts) is refused and recorded.

import { createServer, connect, type Server, type Socket } from 'node:net';

export interface FrontDoor {
  /** Server names refused, in order of arrival ('' when the ClientHello carried none). */
  readonly refused: string[];
  close(): Promise<void>;
}

/** Bounded: a ClientHello larger than this is not one we need to read. */
const MAX_HELLO_BYTES = 16 * 1024;

export async function startFrontDoor(options: { port: number; originPort: number; hosts: readonly string[] }): Promise<FrontDoor> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const name = clientHelloServerName(buffered);
      if (name === undefined && buffered.length < MAX_HELLO_BYTES) return;
      client.off('data', onData);
      client.pause();
      if (name === undefined || name === null || !options.hosts.includes(name.toLowerCase())) {
        refused.push(name ?? '');
        client.destroy();
        return;
      }
      const upstream = connect(options.originPort, '127.0.0.1');
      track(upstream);
      upstream.once('connect', () => {
        upstream.write(buffered);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * The SNI host name of a TLS ClientHello: a string, null when the hello is complete and carries none (or is
 * not TLS), undefined when more bytes are needed.
 */
export function clientHelloServerName(data: Buffer): string | null | undefined {
  if (data.length < 5) return undefined;
  if (data[0] !== 0x16) return null; // not a TLS handshake record
  const recordLength = data.readUInt16BE(3);
  if (data.length < 5 + recordLength) return undefined;
  const hello = data.subarray(5, 5 + recordLength);
  if (hello[0] !== 0x01) return null; // not a ClientHello
  let at = 4 + 2 + 32; // handshake header, version, random
  const skip = (lengthBytes: 1 | 2): boolean => {
    if (at + lengthBytes > hello.length) return false;
    const length = lengthBytes === 1 ? hello.readUInt8(at) : hello.readUInt16BE(at);
    at += lengthBytes + length;
    return at <= hello.length;
  };
  if (!skip(1) || !skip(2) || !skip(1)) return null; // session id, cipher suites, compression
  if (at + 2 > hello.length) return null;
  const extensionsEnd = Math.min(hello.length, at + 2 + hello.readUInt16BE(at));
  at += 2;
  while (at + 4 <= extensionsEnd) {
    const type = hello.readUInt16BE(at);
    const length = hello.readUInt16BE(at + 2);
    const body = hello.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (type !== 0x0000) continue;
    // server_name: list length, then entries of (type 0 = host_name, length, name)
    let entry = 2;
    while (entry + 3 <= body.length) {
      const nameType = body[entry];
      const nameLength = body.readUInt16BE(entry + 1);
      const name = body.subarray(entry + 3, entry + 3 + nameLength).toString('ascii');
      if (nameType === 0) return name;
      entry += 3 + nameLength;
    }
    return null;
  }
  return null;
}
