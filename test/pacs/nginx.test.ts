// The nginx configuration docs/pacs.md gives (scripts/pacs/nginx/recist-pacs.conf), run as written in Debian's nginx
// in front of an Orthanc with users: TLS, the app's files, /dicom-web/ with basic auth, nothing else of Orthanc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/pacs/orthancServer';
import { basicAuth, dicomFilesUnder, multipartRelated } from '../../scripts/pacs/stow';
import { SAMPLE_DICOM_DIR, startOrthanc, type RunningOrthanc } from './orthancProcess';

const SITE = fileURLToPath(new URL('../../scripts/pacs/nginx/recist-pacs.conf', import.meta.url));
const USER = { name: 'reader', password: 'tumour-boards-on-tuesday' };
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'">`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** HTTPS that trusts exactly the test's own certificate. */
function https(url: string, ca: string, init: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

/** The documented site file with this test's ports, folders and certificate; each swap must find its line. */
function siteForTest(values: { httpPort: number; httpsPort: number; appDir: string; cert: string; key: string; orthancPort: number }): string {
  let site = readFileSync(SITE, 'utf8');
  const swap = (from: string, to: string, times: number) => {
    expect(site.split(from).length - 1, `"${from}" in ${SITE}`).toBe(times);
    site = site.split(from).join(to);
  };
  swap('listen 80;', `listen 127.0.0.1:${values.httpPort};`, 1);
  swap('listen 443 ssl http2;', `listen 127.0.0.1:${values.httpsPort} ssl http2;`, 1);
  swap('server_name pacs.example.org;', 'server_name 127.0.0.1;', 2);
  swap('/etc/ssl/certs/pacs.example.org.pem', values.cert, 1);
  swap('/etc/ssl/private/pacs.example.org.key', values.key, 1);
  swap('/srv/recist-reader/dist/', `${values.appDir}/`, 2);
  swap('http://127.0.0.1:8042', `http://127.0.0.1:${values.orthancPort}`, 1);
  return site;
}

// Real servers on a shared machine: a request can take seconds when other work holds the cores.
describe('nginx in front of Orthanc, as docs/pacs.md deploys it', { timeout: 30_000 }, () => {
  let work: string;
  let orthanc: RunningOrthanc;
  let nginx: ChildProcess;
  let ca: string;
  let base: string;
  let plain: string;
  const auth = basicAuth(USER.name, USER.password);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'recist-nginx-'));
    // nginx's workers run as an unprivileged user: they must be able to read the app's folder.
    chmodSync(work, 0o755);
    const appDir = join(work, 'dist');
    mkdirSync(join(appDir, 'assets'), { recursive: true });
    writeFileSync(join(appDir, 'index.html'), `<!doctype html><html><head>${CSP_META}<script type="module" src="./assets/app.js"></script></head><body></body></html>`);
    writeFileSync(join(appDir, 'assets', 'app.js'), 'export {};\n');
    writeFileSync(join(appDir, 'manifest.webmanifest'), '{"name":"recist-reader"}');

    const cert = join(work, 'cert.pem');
    const key = join(work, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
    ca = readFileSync(cert, 'utf8');

    orthanc = await startOrthanc({ users: { [USER.name]: USER.password } });
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    writeFileSync(join(work, 'site.conf'), siteForTest({ httpPort, httpsPort, appDir, cert, key, orthancPort: orthanc.port }));
    const temp = (name: string) => join(work, name);
    writeFileSync(
      join(work, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${temp('access.log')};
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${temp('site.conf')};
}
`,
    );
    // -e: not even the first line of the log goes to /var/log/nginx, which a user other than root cannot write.
    const check = spawnSync('/usr/sbin/nginx', ['-t', '-e', join(work, 'error.log'), '-p', work, '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
    nginx = spawn('/usr/sbin/nginx', ['-e', join(work, 'error.log'), '-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
    base = `https://127.0.0.1:${httpsPort}`;
    plain = `http://127.0.0.1:${httpPort}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await https(`${base}/recist/`, ca);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((done) => setTimeout(done, 50));
      }
    }
  }, 60_000);

  afterAll(async () => {
    if (nginx?.pid && nginx.exitCode === null) {
      const gone = new Promise((done) => nginx.once('exit', done));
      nginx.kill('SIGQUIT');
      await gone;
    }
    await orthanc?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('sends plain HTTP to HTTPS, and /recist to /recist/', async () => {
    const redirect = await fetch(`${plain}/recist/`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`https://127.0.0.1/recist/`);
    const folder = await https(`${base}/recist`, ca);
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toMatch(/\/recist\/$/);
  });

  it('serves the app with its Content-Security-Policy, module scripts and manifest types, without a password', async () => {
    const index = await https(`${base}/recist/`, ca);
    expect(index.status).toBe(200);
    expect(index.body.toString()).toContain("connect-src 'self'");
    expect(index.headers['strict-transport-security']).toContain('max-age=');
    const script = await https(`${base}/recist/assets/app.js`, ca);
    expect(script.headers['content-type']).toBe('application/javascript');
    const manifest = await https(`${base}/recist/manifest.webmanifest`, ca);
    expect(manifest.headers['content-type']).toBe('application/manifest+json');
  });

  it('asks for Orthanc\'s user and password at /dicom-web/, and refuses a wrong one', async () => {
    const anonymous = await https(`${base}/dicom-web/studies`, ca);
    expect(anonymous.status).toBe(401);
    expect(String(anonymous.headers['www-authenticate'])).toMatch(/^Basic/);
    const wrong = await https(`${base}/dicom-web/studies`, ca, { headers: { Authorization: basicAuth(USER.name, 'guess') } });
    expect(wrong.status).toBe(401);
  });

  it('takes a whole study by STOW-RS (past nginx\'s 1 MB default) and finds it by QIDO-RS, with https RetrieveURLs', async () => {
    const files = dicomFilesUnder(join(SAMPLE_DICOM_DIR, 'baseline'));
    const { body, contentType } = multipartRelated(files.map((file) => readFileSync(file)));
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const stored = await https(`${base}/dicom-web/studies`, ca, { method: 'POST', headers: { Authorization: auth, 'Content-Type': contentType, Accept: 'application/dicom+json' }, body });
    expect(stored.status).toBe(200);
    const studies = JSON.parse((await https(`${base}/dicom-web/studies?PatientID=RR-0001`, ca, { headers: { Authorization: auth } })).body.toString()) as Record<string, { Value?: string[] }>[];
    expect(studies).toHaveLength(1);
    expect(studies[0]?.['00081190']?.Value?.[0]).toMatch(new RegExp(`^${base}/dicom-web/studies/`));
  });

  it('keeps Orthanc\'s REST API and Explorer off the network', async () => {
    for (const path of ['/system', '/app/explorer.html', '/instances', '/tools/execute-script']) {
      const answer = await https(`${base}${path}`, ca, { headers: { Authorization: auth } });
      expect(answer.status, path).toBe(404);
    }
  });
});
