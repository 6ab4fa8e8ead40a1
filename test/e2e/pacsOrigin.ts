// One origin for the app and its PACS in a browser test, as `npm run pacs` and nginx give in a hospital: a small
// HTTP proxy on 127.0.0.1 that passes `/<prefix>dicom-web/...` to the Orthanc registered for that prefix and
// everything else (pages, modules, Vite's websocket) to the e2e dev server.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { freePort } from './devServer';

export interface PacsOrigin {
  /** Ends in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** `routes`: path prefix (e.g. `/dicom-web/`, `/locked/dicom-web/`) -> the DICOMweb root it stands for. */
export async function startPacsOrigin(appUrl: string, routes: Readonly<Record<string, string>>): Promise<PacsOrigin> {
  const app = new URL(appUrl);
  const port = await freePort();
  const forward = (req: IncomingMessage, res: ServerResponse, target: URL) => {
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const route = Object.entries(routes).find(([prefix]) => path.startsWith(prefix));
    if (route) forward(req, res, new URL(`${route[1].replace(/\/$/, '')}/${path.slice(route[0].length)}`));
    else forward(req, res, new URL(path, app));
  });
  // Vite's client keeps a websocket to its server: passed through as bytes.
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(Number(app.port), app.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
