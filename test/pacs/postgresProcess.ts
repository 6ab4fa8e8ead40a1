// Test harness: a private PostgreSQL cluster (Debian's `postgresql`), in a temp folder, on 127.0.0.1 and a free
// port, with password authentication, for Orthanc's index and storage plugins.
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PostgresDatabase } from '../../scripts/pacs/orthancConfig';
import { freePort } from '../../scripts/pacs/orthancServer';

export interface RunningPostgres extends PostgresDatabase {
  pid: number;
  /** Stops the server by its PID (SIGINT: PostgreSQL's fast shutdown) and deletes the cluster. */
  stop(): Promise<void>;
}

/** Debian installs the server programs in /usr/lib/postgresql/<version>/bin, off the PATH; the newest wins. */
function serverBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed: "sudo apt-get install postgresql" (npm test installs it).');
  return join(base, newest, 'bin');
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to Debian's `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('Running as root and there is no "postgres" user to run PostgreSQL as; install Debian\'s postgresql package.');
  return { uid, gid };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = serverBin();
  const owner = runAs();
  const work = mkdtempSync(join(tmpdir(), 'recist-postgres-'));
  const dataDir = join(work, 'data');
  const as: SpawnOptions = owner ? { uid: owner.uid, gid: owner.gid } : {};
  if (owner) chownSync(work, owner.uid, owner.gid);
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const passwordFile = join(work, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  if (owner) chownSync(passwordFile, owner.uid, owner.gid);
  const username = 'orthanc';

  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', username, `--pwfile=${passwordFile}`, '--auth-local=scram-sha-256', '--auth-host=scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { ...as, encoding: 'utf8', cwd: work },
  );
  if (init.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const logFile = join(work, 'postgres.log');
  const log = openSync(logFile, 'a');
  if (owner) chownSync(logFile, owner.uid, owner.gid);
  // No durability needed for a test: fsync off makes each STOW's transaction cheap.
  const server = spawn(
    join(bin, 'postgres'),
    ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', work, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { ...as, cwd: work, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  let gone = false;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  void exited.then(() => (gone = true));
  const killOnExit = () => void (gone || server.kill('SIGKILL'));
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!gone) {
      server.kill('SIGINT');
      await Promise.race([exited, sleep(10_000)]);
      if (!gone) {
        server.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(work, { recursive: true, force: true });
  };

  const env = { ...process.env, PGPASSWORD: password };
  const ready = () => spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', username], { env }).status === 0;
  const deadline = Date.now() + 20_000;
  while (!ready()) {
    if (gone || Date.now() > deadline) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      await stop();
      throw new Error(`PostgreSQL did not start:\n${tail}`);
    }
    await sleep(100);
  }
  const database = 'orthanc';
  const created = spawnSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', username, database], { env, encoding: 'utf8' });
  if (created.status !== 0) {
    await stop();
    throw new Error(`createdb failed: ${created.stderr}`);
  }
  return { host: '127.0.0.1', port, database, username, password, pid: server.pid ?? 0, stop };
}
