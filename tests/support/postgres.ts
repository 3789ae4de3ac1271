/**
 * PostgreSQL for tests: every test file gets its own empty database on the test server, so files
 * never see each other's rows. The server is CHITIEU_TEST_PG_URL (an admin URL) when set, otherwise
 * the throwaway cluster jest's globalSetup (pgGlobalSetup.js) started for this run. Without
 * either, PostgreSQL tests fail with the reason: they must never pass by skipping.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const NOT_FOUND = 'PostgreSQL not found: apt-get install -y postgresql, or set CHITIEU_TEST_PG_URL';

export function postgresAvailable(): boolean {
  return Boolean(process.env.CHITIEU_TEST_PG_URL);
}

function adminUrl(): string {
  const url = process.env.CHITIEU_TEST_PG_URL;
  if (!url) throw new Error(process.env.CHITIEU_TEST_PG_ERROR ?? NOT_FOUND);
  return url;
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database (unique name starting with `prefix`) on the test server; its URL. */
export async function freshDatabaseUrl(prefix: string): Promise<string> {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 30) || 'test';
  const name = `${clean}_${process.pid}_${randomBytes(4).toString('hex')}`;
  // The name is built from [a-z0-9_] only, so quoting it is enough (CREATE DATABASE takes no parameters).
  await asAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by freshDatabaseUrl, closing any connection a test left open. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a test database name: ${name}`);
  await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
