/**
 * The ReturnStore contract, run against both implementations: SQLite on a temp file and
 * PostgreSQL on a fresh database of the test server (tests/support/postgres.ts). Each test gets an
 * empty store. "Two processes" are two stores on one database (two pools, two SQLite connections)
 * and, once per backend, two real child processes.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { receiptNumberOf, returnIdOf } from '../../../../src/domain/payload/api';
import { openStore } from '../../../../src/server/store/openStore';
import type { NewVersion, ReturnStore } from '../../../../src/server/store/port';
import { postgresBackend, sqliteBackend } from '../../../support/storeBackends';

const sqlite = sqliteBackend;
const postgres = postgresBackend('store_contract');

// Rejections are matched by message, not with toThrow: better-sqlite3's native addon is loaded once
// per process, so after another test file loaded it its errors come from that file's realm, which
// toThrow does not recognise as errors.
function newVersion(overrides: Partial<NewVersion> & { submissionId: string }): NewVersion {
  return {
    unitId: 'bo-tai-chinh',
    year: 2025,
    quarter: 3,
    // Spacing and key order must survive: the store keeps the text it is given.
    payloadJson: '{"b": 1,  "a": [2, 3]}',
    flagsJson: '[{"key":"x"}]',
    warnings: 2,
    infos: 1,
    tokenId: 'tok_0001',
    receivedAt: '2025-10-05T08:15:30.123+07:00',
    ...overrides,
  };
}

const REPO = path.resolve(__dirname, '../../../..');

function runWriter(db: string, tag: string, n: number): Promise<{ submissionId: string; version: number; created: boolean }[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO, 'bin/run-ts.js'), path.join(__dirname, 'concurrentWriter.ts'), db, tag, String(n)],
      { cwd: REPO, timeout: 60000 },
      (error, stdout, stderr) => (error ? reject(new Error(`writer ${tag} failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout))),
    );
  });
}

describe.each([sqlite, postgres])('the $name store', (backend) => {
  let db: string;
  const opened: ReturnStore[] = [];
  /** A store on this test's database (not migrated). */
  const open = (on: string = db): ReturnStore => {
    const store = openStore(on, {});
    opened.push(store);
    return store;
  };
  let store: ReturnStore;

  beforeEach(async () => {
    db = await backend.create();
    store = open();
    await store.migrate();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await backend.remove(db);
  });

  it('is of its kind, answers ping, and migrates again without harm', async () => {
    expect(store.kind).toBe(backend.name);
    await store.ping();
    await store.insertVersion(newVersion({ submissionId: 's-1' }));
    await store.migrate();
    const again = open();
    await again.migrate();
    expect(await again.countVersions()).toBe(1);
  });

  it('migrates from two stores at once', async () => {
    const empty = await backend.create();
    try {
      const [a, b] = [open(empty), open(empty)];
      await Promise.all([a.migrate(), b.migrate()]);
      await Promise.all([a.insertVersion(newVersion({ submissionId: 'a' })), b.insertVersion(newVersion({ submissionId: 'b' }))]);
      expect((await a.versionsOf(returnIdOf('bo-tai-chinh', 2025, 3))).map((v) => v.version)).toEqual([1, 2]);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await backend.remove(empty);
    }
  });

  it('creates, finds, lists and revokes tokens', async () => {
    const base = { unitId: 'bo-tai-chinh', role: 'reporter' as const };
    await store.createToken({ ...base, id: 'tok_b', hash: 'h'.repeat(64), label: 'Phòng KH', createdAt: '2025-10-01T00:00:00.000Z' });
    await store.createToken({ ...base, id: 'tok_a', hash: 'g'.repeat(64), label: null, role: 'aggregator', createdAt: '2025-10-02T00:00:00.000Z' });
    await expect(
      store.createToken({ ...base, id: 'tok_c', hash: 'h'.repeat(64), label: null, createdAt: '2025-10-03T00:00:00.000Z' }),
    ).rejects.toHaveProperty('message', expect.stringMatching(/unique|duplicate/i));

    expect(await store.findTokenByHash('h'.repeat(64))).toEqual({
      id: 'tok_b',
      hash: 'h'.repeat(64),
      unitId: 'bo-tai-chinh',
      role: 'reporter',
      label: 'Phòng KH',
      createdAt: '2025-10-01T00:00:00.000Z',
      revokedAt: null,
    });
    expect(await store.findTokenByHash('nope')).toBeNull();

    expect(await store.revokeToken('tok_b', '2025-10-04T00:00:00.000Z')).toBe(true);
    expect(await store.revokeToken('tok_b', '2025-10-05T00:00:00.000Z')).toBe(false);
    expect(await store.revokeToken('tok_missing', '2025-10-05T00:00:00.000Z')).toBe(false);
    expect((await store.findTokenByHash('h'.repeat(64)))?.revokedAt).toBe('2025-10-04T00:00:00.000Z');

    const listed = await store.listTokens();
    expect(listed.map((t) => [t.id, t.role, t.revokedAt])).toEqual([
      ['tok_b', 'reporter', '2025-10-04T00:00:00.000Z'],
      ['tok_a', 'aggregator', null],
    ]);
  });

  it('numbers versions per return, keeps every field exactly, and is idempotent on the submission id', async () => {
    const first = await store.insertVersion(newVersion({ submissionId: 'sub-1' }));
    expect(first).toEqual({
      created: true,
      version: {
        returnId: returnIdOf('bo-tai-chinh', 2025, 3),
        submissionId: 'sub-1',
        unitId: 'bo-tai-chinh',
        year: 2025,
        quarter: 3,
        version: 1,
        receiptNumber: receiptNumberOf(2025, 3, 'bo-tai-chinh', 1),
        payloadJson: '{"b": 1,  "a": [2, 3]}',
        flagsJson: '[{"key":"x"}]',
        warnings: 2,
        infos: 1,
        tokenId: 'tok_0001',
        receivedAt: '2025-10-05T08:15:30.123+07:00',
      },
    });
    expect(await store.findBySubmissionId('sub-1')).toEqual(first.version);

    const second = await store.insertVersion(newVersion({ submissionId: 'sub-2', payloadJson: '{"v":2}' }));
    expect([second.created, second.version.version, second.version.receiptNumber]).toEqual([true, 2, 'CT-2025-Q3-bo-tai-chinh-v2']);
    const otherQuarter = await store.insertVersion(newVersion({ submissionId: 'sub-3', quarter: 2 }));
    expect([otherQuarter.version.version, otherQuarter.version.returnId]).toEqual([1, 'bo-tai-chinh.2025.q2']);

    // The same submission id again, even with another payload: the stored version, nothing written.
    const replay = await store.insertVersion(newVersion({ submissionId: 'sub-1', payloadJson: '{"changed":true}' }));
    expect(replay).toEqual({ created: false, version: first.version });
    expect(await store.countVersions()).toBe(3);
    expect(await store.findBySubmissionId('missing')).toBeNull();
  });

  it('lists the latest version of each return, filtered, ordered by year, quarter and unit', async () => {
    const add = (submissionId: string, unitId: string, year: number, quarter: number) =>
      store.insertVersion(newVersion({ submissionId, unitId, year, quarter }));
    await add('1', 'bo-tai-chinh', 2025, 3);
    await add('2', 'ubnd-lao-cai', 2025, 3);
    await add('3', 'bo-tai-chinh', 2025, 3);
    await add('4', 'bo-tai-chinh', 2025, 2);
    await add('5', 'bo-tai-chinh', 2024, 3);
    await add('6', 'ubnd-lao-cai', 2025, 3);
    await add('7', 'ubnd-lao-cai', 2025, 3);

    const summary = async (filter: Parameters<ReturnStore['latestVersions']>[0]) =>
      (await store.latestVersions(filter)).map((v) => `${v.year} q${v.quarter} ${v.unitId} v${v.version} ${v.submissionId}`);
    expect(await summary({})).toEqual([
      '2024 q3 bo-tai-chinh v1 5',
      '2025 q2 bo-tai-chinh v1 4',
      '2025 q3 bo-tai-chinh v2 3',
      '2025 q3 ubnd-lao-cai v3 7',
    ]);
    expect(await summary({ year: 2025 })).toEqual(['2025 q2 bo-tai-chinh v1 4', '2025 q3 bo-tai-chinh v2 3', '2025 q3 ubnd-lao-cai v3 7']);
    expect(await summary({ quarter: 3 })).toEqual(['2024 q3 bo-tai-chinh v1 5', '2025 q3 bo-tai-chinh v2 3', '2025 q3 ubnd-lao-cai v3 7']);
    expect(await summary({ unitId: 'ubnd-lao-cai' })).toEqual(['2025 q3 ubnd-lao-cai v3 7']);
    expect(await summary({ year: 2025, quarter: 3, unitId: 'bo-tai-chinh' })).toEqual(['2025 q3 bo-tai-chinh v2 3']);
    expect(await summary({ year: 2030 })).toEqual([]);
  });

  it('gives every version of a return, oldest first', async () => {
    for (const id of ['x', 'y', 'z']) await store.insertVersion(newVersion({ submissionId: id }));
    await store.insertVersion(newVersion({ submissionId: 'other', unitId: 'ubnd-lao-cai' }));
    const versions = await store.versionsOf(returnIdOf('bo-tai-chinh', 2025, 3));
    expect(versions.map((v) => [v.version, v.submissionId])).toEqual([
      [1, 'x'],
      [2, 'y'],
      [3, 'z'],
    ]);
    expect(await store.versionsOf('nobody.2025.q3')).toEqual([]);
  });

  it('refuses to update or delete a stored version, even through the driver', async () => {
    await store.insertVersion(newVersion({ submissionId: 'kept' }));
    await expect(backend.rawExec(db, "UPDATE versions SET payload = '{}'")).rejects.toHaveProperty('message', expect.stringMatching(/immutable/));
    await expect(backend.rawExec(db, 'DELETE FROM versions')).rejects.toHaveProperty('message', expect.stringMatching(/immutable/));
    if (backend.name === 'postgres') await expect(backend.rawExec(db, 'TRUNCATE versions')).rejects.toHaveProperty('message', expect.stringMatching(/immutable/));
    expect((await store.findBySubmissionId('kept'))?.payloadJson).toBe('{"b": 1,  "a": [2, 3]}');
    expect(await store.countVersions()).toBe(1);
  });

  it('creates exactly one version for 20 concurrent sends of one submission id from two stores', async () => {
    const other = open();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).insertVersion(newVersion({ submissionId: 'same' }))),
    );
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.version.version))).toEqual(new Set([1]));
    expect(await store.countVersions()).toBe(1);
  });

  it('numbers 20 concurrent submissions to one return 1..20 from two stores', async () => {
    const other = open();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).insertVersion(newVersion({ submissionId: `c-${i}` }))),
    );
    expect(outcomes.every((o) => o.created)).toBe(true);
    const numbers = outcomes.map((o) => o.version.version).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await other.versionsOf(returnIdOf('bo-tai-chinh', 2025, 3));
    expect(stored.map((v) => v.version)).toEqual(numbers);
  });

  it('a submission refused by the database fails alone: the others sent at the same moment are stored', async () => {
    // SQLite writes the submissions of one event-loop turn in one transaction (group commit);
    // each has its own savepoint, so one broken row must not take the others down with it.
    const sent = [
      store.insertVersion(newVersion({ submissionId: 'g-1' })),
      store.insertVersion(newVersion({ submissionId: 'g-bad', quarter: 7 })),
      store.insertVersion(newVersion({ submissionId: 'g-2' })),
      store.insertVersion(newVersion({ submissionId: 'g-1' })),
    ];
    const settled = await Promise.allSettled(sent);
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const [first, , second, repeat] = settled.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect([first!.created, second!.created, repeat!.created]).toEqual([true, true, false]);
    expect(repeat!.version).toEqual(first!.version);
    expect((await store.versionsOf(returnIdOf('bo-tai-chinh', 2025, 3))).map((v) => [v.submissionId, v.version])).toEqual([
      ['g-1', 1],
      ['g-2', 2],
    ]);
    expect(await store.findBySubmissionId('g-bad')).toBeNull();
  });

  it('the same submission id sent for two returns at once is stored once', async () => {
    const other = open();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : store).insertVersion(newVersion({ submissionId: 'reused', quarter: (i % 4) + 1 })),
      ),
    );
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.version.returnId)).size).toBe(1);
    expect(await store.countVersions()).toBe(1);
  });

  it('stays correct with two real processes writing to one return', async () => {
    const n = 15;
    const [a, b] = await Promise.all([runWriter(db, 'a', n), runWriter(db, 'b', n)]);
    const all = [...a, ...b];
    // Each shared id created by exactly one process, and both got the same version for it.
    for (let i = 0; i < n; i++) {
      const shared = all.filter((r) => r.submissionId === `shared-${i}`);
      expect(shared.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(shared.map((r) => r.version)).size).toBe(1);
    }
    const stored = await store.versionsOf(returnIdOf('so-tttt-ha-noi', 2025, 3));
    expect(stored.map((v) => v.version)).toEqual(Array.from({ length: 3 * n }, (_, i) => i + 1));
    expect(new Set(stored.map((v) => v.submissionId)).size).toBe(3 * n);
  });
});
