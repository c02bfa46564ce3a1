// The namespace's port-443 front door reads the server name of a real ClientHello without terminating TLS.
import { createServer, type Socket } from 'node:net';
import { connect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { clientHelloServerName } from '../../conformance/front-door.js';

async function helloFor(servername: string | undefined): Promise<Buffer> {
  let resolveHello!: (hello: Buffer) => void;
  const hello = new Promise<Buffer>((resolve) => (resolveHello = resolve));
  const server = createServer((socket: Socket) => {
    let data = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (clientHelloServerName(data) !== undefined) {
        resolveHello(data);
        socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const client = connect({ host: '127.0.0.1', port, ...(servername ? { servername } : {}), rejectUnauthorized: false });
  client.on('error', () => {});
  try {
    return await hello;
  } finally {
    client.destroy();
    server.close();
  }
}

describe('conformance: front door', () => {
  it('reads the SNI of a real ClientHello, and says when more bytes are needed', async () => {
    const hello = await helloFor('auth.openai.com');
    expect(clientHelloServerName(hello)).toBe('auth.openai.com');
    expect(clientHelloServerName(hello.subarray(0, 20))).toBeUndefined();
  });

  it('a hello without a server name, or a plain HTTP request, has none', async () => {
    expect(clientHelloServerName(await helloFor(undefined))).toBeNull();
    expect(clientHelloServerName(Buffer.from('GET / HTTP/1.1\r\nHost: github.com\r\n\r\n'))).toBeNull();
  });
});
