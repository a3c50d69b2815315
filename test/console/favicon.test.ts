import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startInProcess, type InProcessTessera } from '../support/in-process.js';

describe('/favicon.ico', () => {
  let tessera: InProcessTessera;

  beforeAll(async () => {
    tessera = await startInProcess();
  });

  afterAll(async () => {
    await tessera?.close();
  });

  it('answers 204 for a long time, so a browser stops asking on every console page', async () => {
    const response = await fetch(`${tessera.url}/favicon.ico`);

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(86_400);
  });
});
