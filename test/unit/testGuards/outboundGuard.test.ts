// The guard every test process loads (vitest setupFiles): connections that
// would leave the machine fail at once, before DNS or a SYN; loopback and the
// lab still connect.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { isAllowedTestHost, takeRefusedHosts } from '../../support/outboundGuard.mjs';

const connectError = (options: net.NetConnectOpts) =>
  new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const socket = net.connect(options);
    socket.once('error', (err) => resolve(err));
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
  });

describe('outbound guard', () => {
  it('allows loopback, unix sockets and lab addresses, and nothing else', () => {
    for (const host of ['127.0.0.1', '127.0.0.5', 'localhost', '::1', '[::1]', '192.0.2.11', '192.0.2.131', '192.0.2.254', undefined]) expect(isAllowedTestHost(host)).toBe(true);
    for (const host of ['10.0.0.5', '192.0.2.1', '192.0.2.2', '203.0.113.10', '8.8.8.8', 'registry.npmjs.org', 'bastion.acme.example', '2001:db8::1']) expect(isAllowedTestHost(host)).toBe(false);
  });

  it('is loaded in this process: a connection to another network fails with its reason, loopback still connects', async () => {
    const refused = await connectError({ host: '10.0.0.5', port: 22 });
    expect(refused).toMatchObject({ code: 'EHOSTUNREACH', message: expect.stringContaining('outboundGuard: refused a connection to 10.0.0.5') });
    expect(await connectError({ host: 'bastion.acme.example', port: 22 })).toMatchObject({ code: 'EHOSTUNREACH' });
    // Taken here, so the setup's end-of-file check (which fails a file that tried) sees none.
    expect(takeRefusedHosts()).toEqual(['10.0.0.5', 'bastion.acme.example']);

    const server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await connectError({ host: '127.0.0.1', port })).toBeNull();
      expect(await connectError({ port })).toBeNull();
    } finally {
      server.close();
    }
  });
});
