// Secrets a user may hold in what the doctor reads: never printed in any mode, never sent.
import { afterEach, describe, expect, it } from 'vitest';
import { behaviours, hostileServer, type HostileServer } from './servers.js';
import { hostileHost, inEveryMode } from './harness.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('proxy values with a query string or a fragment', () => {
  it.each(['HTTPS_PROXY', 'all_proxy'])('%s: the query values and the fragment are redacted in JSON, plain and -v', async (variable) => {
    server = await hostileServer(behaviours.connectThenClose);
    const value = `http://alice:pw0rdsecret@127.0.0.1:${server.port}/p?token=qsecret123&x=other2secret#fragsecret`;
    const { report, outputs } = await inEveryMode(hostileHost({ env: { [variable]: value } }), 4000);
    expect(report.environment.variables[variable]).toBe(`http://[redacted]@127.0.0.1:${server.port}/p?token=[redacted]&x=[redacted]#[redacted]`);
    for (const output of Object.values(outputs)) {
      for (const secret of ['qsecret123', 'other2secret', 'fragsecret', 'pw0rdsecret']) expect(output).not.toContain(secret);
    }
  });
});
