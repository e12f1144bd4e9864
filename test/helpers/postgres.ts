/**
 * A throwaway Postgres 15 cluster for tests: its own temp folder, a free 127.0.0.1 port, trust auth, no fsync.
 * `scripts/setup-postgres.sh` installs the server and pgvector; when the binaries or pgvector are missing,
 * `startPostgres()` returns null and `postgresUnavailableReason()` says why, so tests can skip. initdb refuses to run as root, so
 * under root the cluster runs as the `postgres` OS user.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/DB`, a fresh database owned by the superuser `postgres`. */
  url: string;
  /** Whether `CREATE EXTENSION vector` can work (pgvector is installed for this server). */
  hasVector: boolean;
  /** `pg_ctl stop -m fast`, then removes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

const POSTGRES_15_BIN = '/usr/lib/postgresql/15/bin';
const SETUP_HINT = 'run `bash scripts/setup-postgres.sh` (as root) to install Postgres 15 and pgvector';
const COMMAND_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_S = 10;

interface Binaries {
  initdb: string;
  pgCtl: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Debian's versioned folder first: PATH may hold another major version's binaries. */
function findBinary(name: string): string | null {
  const preferred = path.join(POSTGRES_15_BIN, name);
  if (isExecutable(preferred)) return preferred;
  const onPath = findOnPath(name);
  if (!onPath) return null;
  const version = spawnSync(onPath, ['--version'], { encoding: 'utf8', timeout: 5_000 }).stdout ?? '';
  return /\b15\.\d+/.test(version) ? onPath : null;
}

const isRoot = () => process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } | null {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8', timeout: 5_000 });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The argv prefix that runs a command as the cluster's owner; su's extra arguments become "$0" "$@", so no quoting. */
function runAsPrefix(): string[] | null {
  if (!isRoot()) return [];
  const runuser = findOnPath('runuser');
  if (runuser) return [runuser, '-u', 'postgres', '--'];
  const su = findOnPath('su');
  if (su) return [su, '-s', '/bin/sh', '-c', 'exec "$0" "$@"', 'postgres'];
  return null;
}

/** The server's share folder, where its extensions' control files live; null when pg_config is not beside initdb. */
function serverShareDir(initdb: string): string | null {
  const pgConfig = path.join(path.dirname(initdb), 'pg_config');
  if (!isExecutable(pgConfig)) return null;
  const out = spawnSync(pgConfig, ['--sharedir'], { encoding: 'utf8', timeout: 5_000 });
  return out.status === 0 && out.stdout.trim() ? out.stdout.trim() : null;
}

function probe(): { binaries: Binaries; runAs: string[]; owner: { uid: number; gid: number } | null } | string {
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) {
    const missing = [!initdb && 'initdb', !pgCtl && 'pg_ctl'].filter(Boolean).join(' and ');
    return `Postgres 15 ${missing} not found in ${POSTGRES_15_BIN} or on PATH; ${SETUP_HINT}`;
  }
  // A server without pgvector cannot hold vectors: the tests would only fail, so they skip and say how to set up.
  const shareDir = serverShareDir(initdb);
  if (shareDir && !existsSync(path.join(shareDir, 'extension', 'vector.control'))) {
    return `pgvector is not installed for this server (no ${path.join(shareDir, 'extension', 'vector.control')}); ${SETUP_HINT}`;
  }
  const runAs = runAsPrefix();
  if (!runAs) return 'running as root, and neither runuser nor su is available to run initdb as the postgres user';
  const owner = isRoot() ? postgresUser() : null;
  if (isRoot() && !owner) return `running as root, and there is no postgres OS user for initdb to run as; ${SETUP_HINT}`;
  return { binaries: { initdb, pgCtl }, runAs, owner };
}

/** Why `startPostgres()` returns null, or null when Postgres 15 looks usable. Cheap: starts nothing. */
export function postgresUnavailableReason(): string | null {
  const found = probe();
  return typeof found === 'string' ? found : null;
}

interface RunResult {
  code: number | null;
  output: string;
}

function run(argv: string[], cwd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const tail = (text: string, lines = 20) => text.trim().split('\n').slice(-lines).join('\n');
const readLog = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** Retries the connection (not the SQL) until a deadline, so a server still coming up is waited for, but bounded. */
async function connect(url: string): Promise<pg.Client> {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startPostgres(): Promise<PostgresCluster | null> {
  const found = probe();
  if (typeof found === 'string') return null;
  const { binaries, runAs, owner } = found;

  const root = mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const cleanupFolder = () => rmSync(root, { recursive: true, force: true });
  if (owner) chownSync(root, owner.uid, owner.gid);
  const asOwner = (argv: string[], timeoutMs?: number) => run([...runAs, ...argv], root, timeoutMs);

  const init = await asOwner([binaries.initdb, '-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (init.code !== 0) {
    cleanupFolder();
    throw new Error(`initdb failed in ${root} (${init.code}):\n${tail(init.output)}`);
  }
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  // Appending keeps the file's owner; durability settings off because the cluster is thrown away.
  const settings = (port: number) =>
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = ${quote(root)}`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 20',
    ].join('\n');

  const pgCtl = (args: string[], timeoutS: number) =>
    asOwner([binaries.pgCtl, '-D', dataDir, '-w', '-t', String(timeoutS), ...args], (timeoutS + 5) * 1000);

  // Another process may take the free port between probing and binding, so try a few.
  let port = 0;
  let started: RunResult | null = null;
  for (let attempt = 0; attempt < 3 && started?.code !== 0; attempt++) {
    port = await freePort();
    appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n${settings(port)}\n`);
    started = await pgCtl(['-l', logFile, 'start'], 15);
  }
  if (started?.code !== 0) {
    cleanupFolder();
    throw new Error(`pg_ctl start failed:\n${tail(started?.output ?? '')}\n${tail(readLog(logFile))}`);
  }

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    const argv = [...runAs, binaries.pgCtl, '-D', dataDir, '-m', 'immediate', 'stop'];
    spawnSync(argv[0]!, argv.slice(1), {
      cwd: root,
      stdio: 'ignore',
      timeout: STOP_TIMEOUT_S * 1000,
    });
    cleanupFolder();
  };
  // A crashed or interrupted test run must not leave a postmaster behind.
  process.once('exit', stopSync);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const database = 'test';
  try {
    const admin = await connect(adminUrl);
    let vector: pg.QueryResult;
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      vector = await admin.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      hasVector: vector.rowCount === 1,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off('exit', stopSync);
        const result = await pgCtl(['-m', 'fast', 'stop'], STOP_TIMEOUT_S);
        if (result.code !== 0) {
          await pgCtl(['-m', 'immediate', 'stop'], STOP_TIMEOUT_S);
        }
        cleanupFolder();
      },
    };
  } catch (err) {
    stopSync();
    process.off('exit', stopSync);
    throw new Error(`Postgres started on port ${port} but creating the test database failed: ${(err as Error).message}\n${tail(readLog(logFile))}`);
  }
}
