// The dev server passes /dicom-web/ to the PACS, so `npm start` reaches DICOMweb on its own origin, as the app
// served by Orthanc does; without a PACS the answer says what to start.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/pacs/orthancServer';
import { basicAuth, stowFiles } from '../../scripts/pacs/stow';
import { SAMPLE_DICOM_DIR, startOrthanc, type RunningOrthanc } from './orthancProcess';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function devServer(pacsUrl: string): Promise<{ server: ViteDevServer; url: string }> {
  // vite.config.ts reads the PACS address when it is loaded.
  process.env.RECIST_PACS_URL = pacsUrl;
  const port = await freePort();
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    cacheDir: join(ROOT, 'node_modules/.vite-pacs-proxy'),
    server: { host: '127.0.0.1', port, strictPort: true, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    logLevel: 'silent',
  });
  await server.listen();
  delete process.env.RECIST_PACS_URL;
  return { server, url: `http://127.0.0.1:${port}` };
}

// Real servers on a shared machine: a request can take seconds when other work holds the cores.
describe('the dev server proxies /dicom-web/ to the PACS', { timeout: 30_000 }, () => {
  let pacs: RunningOrthanc;
  let dev: { server: ViteDevServer; url: string };

  beforeAll(async () => {
    pacs = await startOrthanc({ users: { reader: 'reads-ct' } });
    dev = await devServer(pacs.url);
  }, 60_000);

  afterAll(async () => {
    await dev?.server.close();
    await pacs?.stop();
  }, 30_000);

  it('passes STOW-RS and QIDO-RS through, with RetrieveURLs on the dev server origin', async () => {
    const file = join(SAMPLE_DICOM_DIR, 'baseline', 'IM0001.dcm');
    const stored = await stowFiles(`${dev.url}/dicom-web`, [file], { authorization: basicAuth('reader', 'reads-ct') });
    expect(stored).toEqual({ stored: 1, failed: [] });
    const answer = await fetch(`${dev.url}/dicom-web/studies?PatientID=RR-0001`, { headers: { Authorization: basicAuth('reader', 'reads-ct') } });
    expect(answer.status).toBe(200);
    const studies = (await answer.json()) as Record<string, { Value?: string[] }>[];
    expect(studies).toHaveLength(1);
    expect(studies[0]?.['00081190']?.Value?.[0]).toMatch(new RegExp(`^${dev.url}/dicom-web/studies/`));
  });

  it('passes the PACS\'s 401 through unchanged, for the app to ask for a password', async () => {
    const answer = await fetch(`${dev.url}/dicom-web/studies`);
    expect(answer.status).toBe(401);
  });

  it('answers 502 naming the command to run when no PACS is listening', async () => {
    const nobody = await freePort();
    const lonely = await devServer(`http://127.0.0.1:${nobody}`);
    try {
      const answer = await fetch(`${lonely.url}/dicom-web/studies`);
      expect(answer.status).toBe(502);
      expect(await answer.text()).toContain('npm run pacs');
    } finally {
      await lonely.server.close();
    }
  }, 30_000);
});
