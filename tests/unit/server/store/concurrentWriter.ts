/**
 * A second process writing to the same store (run by store.contract.test.ts through bin/run-ts.js):
 * `concurrentWriter.ts <db> <tag> <n>` inserts n versions with its own submission ids and n with
 * ids every writer also sends ("shared-i"), all on one return, then prints what it got as JSON.
 */
import { openStore } from '../../../../src/server/store/openStore';

async function main(): Promise<void> {
  const [db, tag, n] = process.argv.slice(2);
  const count = Number(n);
  const store = openStore(db, {});
  try {
    // Every process starts by migrating, as `chitieu serve` does.
    await store.migrate();
    const results: { submissionId: string; version: number; created: boolean }[] = [];
    for (let i = 0; i < count; i++) {
      for (const submissionId of [`${tag}-${i}`, `shared-${i}`]) {
        const { version, created } = await store.insertVersion({
          submissionId,
          unitId: 'so-tttt-ha-noi',
          year: 2025,
          quarter: 3,
          payloadJson: '{}',
          flagsJson: '[]',
          warnings: 0,
          infos: 0,
          tokenId: `tok_${tag}`,
          receivedAt: new Date().toISOString(),
        });
        results.push({ submissionId, version: version.version, created });
      }
    }
    process.stdout.write(JSON.stringify(results));
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
