import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeStore, maskPassword, openStore } from '../../../../src/server/store/openStore';

describe('openStore', () => {
  it('opens the SQLite file in the data folder by default, creating the folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-open-'));
    try {
      const dataDir = path.join(dir, 'data');
      const store = openStore(undefined, { dataDir });
      await store.migrate();
      await store.close();
      expect(store.kind).toBe('sqlite');
      expect(fs.existsSync(path.join(dataDir, 'chitieu.sqlite'))).toBe(true);

      const named = openStore(path.join(dir, 'other', 'x.db'), { dataDir });
      await named.migrate();
      await named.close();
      expect(fs.existsSync(path.join(dir, 'other', 'x.db'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens PostgreSQL for a postgres:// or postgresql:// URL, without connecting until used', async () => {
    for (const url of ['postgres://u:p@127.0.0.1:1/db', 'postgresql://u@127.0.0.1:1/db', 'POSTGRES://127.0.0.1:1/db']) {
      const store = openStore(url, {});
      expect(store.kind).toBe('postgres');
      await store.close();
      await store.close();
    }
  });
});

describe('describeStore', () => {
  it('names the SQLite file', () => {
    expect(describeStore(undefined)).toBe(`sqlite ${path.join('data', 'chitieu.sqlite')}`);
    expect(describeStore(undefined, { dataDir: '/var/lib/chitieu' })).toBe('sqlite /var/lib/chitieu/chitieu.sqlite');
    expect(describeStore('/srv/x.sqlite')).toBe('sqlite /srv/x.sqlite');
  });

  it('never prints a PostgreSQL password', () => {
    expect(describeStore('postgres://chitieu:s3cret@db.example:5432/chitieu')).toBe('postgres postgres://chitieu:***@db.example:5432/chitieu');
    expect(describeStore('postgresql://chitieu@db/chitieu')).toBe('postgres postgresql://chitieu@db/chitieu');
    expect(describeStore('postgresql://db/chitieu?sslmode=require')).toBe('postgres postgresql://db/chitieu?sslmode=require');
    const cases = [
      'postgres://chitieu:p@ss/w#rd@db:5432/chitieu',
      'postgres://chitieu:s3cret@db/chitieu?sslmode=require&password=s3cret',
      'postgres://chitieu@db/chitieu?password=s3cret',
      'postgres://chitieu@db?password=s3cret@x',
      'postgresql://:s3cret@db/chitieu',
    ];
    for (const url of cases) {
      const shown = describeStore(url);
      expect(shown).not.toMatch(/s3cret|p@ss|w#rd/);
      expect(shown).toContain('***');
    }
    expect(maskPassword('postgres://chitieu:p@ss/w#rd@db:5432/chitieu')).toBe('postgres://chitieu:***@db:5432/chitieu');
  });
});
