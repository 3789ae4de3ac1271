/** `chitieu token` and `chitieu serve` as a person runs them (child processes). */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../src/server/store/openStore';
import { hashToken } from '../../../src/server/tokens';
import { chitieu } from '../../support/runCli';

jest.setTimeout(60_000);

const TOKEN = /\bct_[A-Za-z0-9_-]{43}\b/g;

describe('chitieu token', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chitieu-token-'));
  const db = path.join(dir, 'tokens.sqlite');
  let id = '';
  let token = '';

  it('create prints the token once, with its id and a warning; the database keeps only its hash', async () => {
    const run = await chitieu(['token', 'create', '--unit', 'bo-y-te', '--role', 'reporter', '--label', 'Chị Hoa', '--db', 'tokens.sqlite', '--lang', 'en'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tokens = run.stdout.match(TOKEN) ?? [];
    expect(tokens).toHaveLength(1);
    token = tokens[0]!;
    id = /\b(tok_[0-9a-f]{8})\b/.exec(run.stdout)![1]!;
    expect(run.stdout).toMatch(/will NOT be shown again/);

    const store = openStore(db);
    try {
      const record = await store.findTokenByHash(hashToken(token));
      expect(record).toMatchObject({ id, unitId: 'bo-y-te', role: 'reporter', label: 'Chị Hoa', revokedAt: null });
      expect(record!.hash).toBe(hashToken(token));
    } finally {
      await store.close();
    }
    const bytes = [db, `${db}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(bytes).not.toContain(token);
    expect(bytes).toContain(hashToken(token));
  });

  it('create refuses an unknown unit, a reporter without a unit, a bad role; reviewers default to "*"', async () => {
    const unknown = await chitieu(['token', 'create', '--unit', 'bo-khong-co', '--role', 'reporter', '--db', db], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/bo-khong-co/);
    expect(unknown.stdout).not.toMatch(TOKEN);
    const noUnit = await chitieu(['token', 'create', '--role', 'reporter', '--db', db, '--lang', 'en'], dir);
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toMatch(/needs --unit/);
    const badRole = await chitieu(['token', 'create', '--unit', 'bo-y-te', '--role', 'admin', '--db', db], dir);
    expect(badRole.code).toBe(1);
    const reviewer = await chitieu(['token', 'create', '--role', 'reviewer', '--db', db, '--format', 'json'], dir);
    expect(reviewer.code).toBe(0);
    expect(JSON.parse(reviewer.stdout)).toMatchObject({ unitId: '*', role: 'reviewer', token: expect.stringMatching(/^ct_/) });
  });

  it('list shows ids, units and roles, never a token or a hash', async () => {
    const run = await chitieu(['token', 'list', '--db', db, '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(id);
    expect(run.stdout).toContain('bo-y-te');
    expect(run.stdout).toMatch(/2 tokens \(2 live\)/);
    expect(run.stdout).not.toMatch(/ct_/);
    expect(run.stdout).not.toMatch(/[0-9a-f]{64}/);
    const json = JSON.parse((await chitieu(['token', 'list', '--db', db, '--format', 'json'], dir)).stdout);
    expect(json).toHaveLength(2);
    expect(Object.keys(json[0]).sort()).toEqual(['createdAt', 'id', 'label', 'revokedAt', 'role', 'unitId']);
  });

  it('revoke revokes once; again, or an unknown id, is an error', async () => {
    const run = await chitieu(['token', 'revoke', id, '--db', db, '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Token ${id} revoked`);
    const store = openStore(db);
    try {
      expect((await store.findTokenByHash(hashToken(token)))!.revokedAt).not.toBeNull();
    } finally {
      await store.close();
    }
    const again = await chitieu(['token', 'revoke', id, '--db', db, '--lang', 'en'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already revoked/);
    const unknown = await chitieu(['token', 'revoke', 'tok_00000000', '--db', db, '--lang', 'en'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no token tok_00000000/);
    const list = await chitieu(['token', 'list', '--db', db, '--lang', 'en'], dir);
    expect(list.stdout).toMatch(/2 tokens \(1 live\)/);
  });

  it('uses CHITIEU_DB when --db is not given', async () => {
    const other = path.join(dir, 'env.sqlite');
    const prev = process.env.CHITIEU_DB;
    process.env.CHITIEU_DB = other;
    try {
      const run = await chitieu(['token', 'create', '--role', 'aggregator'], dir);
      expect(run.code).toBe(0);
    } finally {
      if (prev === undefined) delete process.env.CHITIEU_DB;
      else process.env.CHITIEU_DB = prev;
    }
    expect(existsSync(other)).toBe(true);
  });
});

describe('chitieu serve', () => {
  it('--help lists its options, in both languages', async () => {
    const en = await chitieu(['serve', '--help', '--lang', 'en'], os.tmpdir());
    expect(en.code).toBe(0);
    const options = ['--port', '--host', '--db', '--data-dir', '--cors-origin', '--rate-limit', '--body-limit', '--log-level'];
    const added = ['--address-rate-limit', '--versions-per-day', '--unit-storage-mib', '--allow-http-localhost'];
    for (const option of [...options, ...added]) expect(en.stdout).toContain(option);
    const vi = await chitieu(['serve', '--help'], os.tmpdir());
    expect(vi.stdout).toMatch(/Tùy chọn/);
    const top = await chitieu(['--help', '--lang', 'en'], os.tmpdir());
    expect(top.stdout).toMatch(/serve/);
    expect(top.stdout).toMatch(/token/);
  });

  it('a database it cannot open is a sentence, exit 1, and never shows a password', async () => {
    const file = await chitieu(['serve', '--port', '0', '--db', '/etc/passwd/x.sqlite', '--lang', 'en'], os.tmpdir());
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/^Error: Cannot open the database sqlite \/etc\/passwd\/x\.sqlite: /);
    const pg = await chitieu(['serve', '--port', '0', '--db', 'postgres://chitieu:s3cret@127.0.0.1:1/chitieu'], os.tmpdir());
    expect(pg.code).toBe(1);
    expect(pg.stderr).toMatch(/Không mở được cơ sở dữ liệu postgres postgres:\/\/chitieu:\*\*\*@127\.0\.0\.1:1\/chitieu/);
    expect(pg.stderr).not.toContain('s3cret');
    expect(pg.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses bad option values with a sentence', async () => {
    for (const args of [['--port', 'http'], ['--rate-limit', '-1'], ['--body-limit', '10'], ['--log-level', 'loud'], ['--cors-origin', 'localhost:3000']]) {
      const run = await chitieu(['serve', ...args, '--lang', 'en'], os.tmpdir());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error: /);
    }
    // An origin served in clear from another machine is never allowed (issue 11, item 11).
    const http = await chitieu(['serve', '--cors-origin', 'http://chitieu.example.gov.vn', '--lang', 'en'], os.tmpdir());
    expect([http.code, http.stderr]).toEqual([1, expect.stringContaining('only https origins are allowed')]);
  });
});
