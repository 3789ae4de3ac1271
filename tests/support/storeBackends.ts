/**
 * The two stores as test backends, for contract tests that run the same cases on both: a new
 * empty database (a SQLite file in a temporary folder, or a fresh PostgreSQL database on the test
 * server), its removal, and one statement sent straight through the driver, bypassing the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { dropDatabase, freshDatabaseUrl } from './postgres';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** A new empty database; its --db value. */
  create(): Promise<string>;
  remove(db: string): Promise<void>;
  /** Runs one statement straight through the driver, bypassing the store. */
  rawExec(db: string, sql: string): Promise<void>;
}

export const sqliteBackend: StoreBackend = {
  name: 'sqlite',
  async create() {
    // A folder that does not exist yet: the store must create it.
    return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-store-')), 'nested', 'chitieu.sqlite');
  },
  async remove(db) {
    fs.rmSync(path.dirname(path.dirname(db)), { recursive: true, force: true });
  },
  async rawExec(db, sql) {
    const conn = new Database(db);
    try {
      conn.exec(sql);
    } finally {
      conn.close();
    }
  },
};

export function postgresBackend(prefix: string): StoreBackend {
  return {
    name: 'postgres',
    create: () => freshDatabaseUrl(prefix),
    remove: (db) => dropDatabase(db),
    async rawExec(db, sql) {
      const client = new Client({ connectionString: db });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
  };
}
