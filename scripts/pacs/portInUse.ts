// Says who holds the PACS port and what to do, instead of Orthanc's bare "port in use" in its log.
import { existsSync, readFileSync } from 'node:fs';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The PID recorded by a `npm run pacs` that is still running on this data folder, if any. */
export function runningPacsPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : undefined;
}

/** Orthanc answers /system with JSON naming itself, or 401 with its realm when it has users. */
async function orthancAnswers(port: number): Promise<boolean> {
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/system`, { signal: AbortSignal.timeout(2000) });
    const text = await answer.text();
    if (answer.status === 401) return (answer.headers.get('www-authenticate') ?? '').includes('Orthanc');
    return answer.ok && text.includes('"DicomAet"');
  } catch {
    return false;
  }
}

/** The message for a taken port: our own PACS already running, another Orthanc (Debian's service), or anything. */
export async function explainPortInUse(port: number, pidFile: string): Promise<string> {
  const ours = runningPacsPid(pidFile);
  if (ours) {
    return `The PACS is already running (Orthanc PID ${ours}) at http://127.0.0.1:${port}/recist/. Stop it with Ctrl+C in its terminal (or "kill ${ours}").`;
  }
  const other = `or run this one on another port: npm run pacs -- --port ${port + 1}`;
  if (await orthancAnswers(port)) {
    return (
      `Port ${port} is taken by another Orthanc. On Debian, installing the "orthanc" package starts its own service ` +
      `(orthanc.service, on ports 8042 and 4242, with its storage in /var/lib/orthanc). Stop it with ` +
      `"sudo systemctl stop orthanc" (and "sudo systemctl disable orthanc" to keep it from starting at boot), ${other}.`
    );
  }
  return `Port ${port} is taken by another program ("sudo ss -ltnp 'sport = :${port}'" names it). Stop it, ${other}.`;
}
