// The harness every PACS test stands on: a private Orthanc, loopback only, with the sample patient and the app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, type RunningOrthanc } from './orthancProcess';

/** The smallest folder that looks like a build: an index with relative URLs, a module, a manifest. */
function fakeApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recist-fake-app-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="./main.mjs"></script></head><body>app</body></html>');
  writeFileSync(join(dir, 'main.mjs'), 'export {};\n');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
  return dir;
}

function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

// Real servers on a shared machine: a request can take seconds when other work holds the cores.
describe('startOrthanc', { timeout: 30_000 }, () => {
  let pacs: RunningOrthanc;
  let app: string;

  beforeAll(async () => {
    app = fakeApp();
    pacs = await startOrthanc({ loadSample: true, serveApp: app });
  }, 60_000);

  afterAll(async () => {
    await pacs?.stop();
    rmSync(app, { recursive: true, force: true });
  }, 30_000);

  it('holds the sample patient after loadSample: three studies found by QIDO-RS', async () => {
    const answer = await fetch(`${pacs.dicomWebUrl}/studies?PatientID=RR-0001`, { headers: { Accept: 'application/dicom+json' } });
    expect(answer.status).toBe(200);
    const studies = (await answer.json()) as unknown[];
    expect(studies).toHaveLength(3);
  });

  it('answers WADO-RS series metadata with every slice of a study', async () => {
    const studies = (await (await fetch(`${pacs.dicomWebUrl}/studies?PatientID=RR-0001&ModalitiesInStudy=CT`)).json()) as Record<string, { Value: string[] }>[];
    const studyUid = studies[0]?.['0020000D']?.Value[0];
    const series = (await (await fetch(`${pacs.dicomWebUrl}/studies/${studyUid}/series`)).json()) as Record<string, { Value: string[] }>[];
    const seriesUid = series[0]?.['0020000E']?.Value[0];
    const metadata = (await (await fetch(`${pacs.dicomWebUrl}/studies/${studyUid}/series/${seriesUid}/metadata`)).json()) as unknown[];
    expect(metadata).toHaveLength(40);
  });

  it('serves the app at /recist/ (folder URL and files, with module and manifest MIME types) on the DICOMweb origin', async () => {
    expect(pacs.appUrl).toBe(`${pacs.url}/recist/`);
    const index = await fetch(pacs.appUrl ?? '');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const html = await index.text();
    expect(html).toContain('<base href="/recist/">');
    expect(html).toContain('<body>app</body>');
    const withoutSlash = await fetch(`${pacs.url}/recist`);
    expect(await withoutSlash.text()).toContain('<base href="/recist/">');
    expect((await fetch(`${pacs.url}/recist/main.mjs`)).headers.get('content-type')).toBe('text/javascript');
    expect((await fetch(`${pacs.url}/recist/manifest.webmanifest`)).headers.get('content-type')).toBe('application/manifest+json');
    expect((await fetch(`${pacs.url}/recist/missing.js`)).status).toBe(404);
  });

  it('refuses every address but loopback (RemoteAccessAllowed false)', async () => {
    expect((await fetch(`${pacs.url}/system`)).status).toBe(200);
    const address = nonLoopbackAddress();
    if (!address) return; // A machine with loopback only: nothing else can reach it anyway.
    const remote = await fetch(`http://${address}:${pacs.port}/system`);
    expect(remote.status).toBe(401);
  });

  it('says a served folder holds no build, then stops by its PID: the process is gone and the port answers no more', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'recist-no-build-'));
    const other = await startOrthanc({ serveApp: empty });
    rmSync(empty, { recursive: true });
    const missing = await fetch(other.appUrl ?? '');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('index.html is missing; build the app');
    expect(process.kill(other.pid, 0)).toBe(true);
    await other.stop();
    expect(() => process.kill(other.pid, 0)).toThrow();
    await expect(fetch(`${other.url}/system`)).rejects.toThrow();
  }, 30_000);
});
