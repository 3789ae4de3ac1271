import path from 'node:path';
import type { Command } from 'commander';
import { loadUnits } from '../../catalogue/load';
import { ROLES, type RoleName as Role } from '../../domain/payload/roles';
import { vietnamTime } from '../../layout/receiptPlan';
import type { ReturnStore } from '../../server/store/port';
import { UserFacingError, type Lang } from '../../workbook/port';
import { parseChoice } from '../args';
import { addCommonOptions, commandLang, type CliCommand } from '../command';
import { CliExit, EXIT, type CliIO } from '../io';
import { cliText } from '../messages';
import { formatTable, printError, printJson, printLine } from '../output';
import { requireUnitId } from '../unitSuggestion';
import { addStoreOptions, dbOf } from './serve';

const FORMATS = ['text', 'json'] as const;

interface StoreOptions {
  db?: string;
  dataDir?: string;
}

/** Opens and migrates the store named on the command line, runs `work`, closes it. */
async function withStore<T>(cwd: string, options: StoreOptions, work: (store: ReturnStore) => Promise<T>): Promise<T> {
  // require, not import(): bin/chitieu.js runs through tsx's CommonJS hook, which import() bypasses.
  const { describeStore, isPostgresUrl, openStore } = require('../../server/store/openStore') as typeof import('../../server/store/openStore');
  const given = dbOf(options);
  const db = given !== undefined && !isPostgresUrl(given) ? path.resolve(cwd, given) : given;
  const dataDir = path.resolve(cwd, options.dataDir ?? 'data');
  const failed = (error: unknown): never => {
    const reason = error instanceof Error ? error.message || String((error as { code?: string }).code) : String(error);
    const store = describeStore(db, { dataDir });
    throw new UserFacingError('store-failed', { vi: cliText('serveStoreFailed', 'vi', { store, reason }), en: cliText('serveStoreFailed', 'en', { store, reason }) });
  };
  let store: ReturnStore;
  try {
    store = openStore(db, { dataDir });
  } catch (error) {
    return failed(error);
  }
  try {
    try {
      await store.migrate();
    } catch (error) {
      return failed(error);
    }
    return await work(store);
  } finally {
    await store.close().catch(() => undefined);
  }
}

function subcommand(parent: Command, name: string, lang: Lang, description: string): Command {
  const command = parent.command(name).description(description);
  addStoreOptions(command, lang);
  return command;
}

function registerCreate(token: Command, io: CliIO, cwd: string, helpLang: Lang): void {
  const command = subcommand(token, 'create', helpLang, cliText('tokenCreateDescription', helpLang))
    .option('--unit <id>', cliText('tokenUnitOption', helpLang))
    // Checked in the action: commander's own message would point at `chitieu token --help`.
    .option('--role <role>', cliText('tokenRoleOption', helpLang))
    .option('--label <text>', cliText('tokenLabelOption', helpLang))
    .option('--format <format>', cliText('tokenFormatOption', helpLang));
  addCommonOptions(command, helpLang);
  command.action(async (options: StoreOptions & { unit?: string; role?: string; label?: string; format?: string }) => {
    const lang = commandLang(command);
    if (options.role === undefined) {
      throw new UserFacingError('role-required', { vi: cliText('tokenRoleRequired', 'vi'), en: cliText('tokenRoleRequired', 'en') });
    }
    const role: Role = parseChoice('--role', options.role, ROLES);
    const format = parseChoice('--format', options.format ?? 'text', FORMATS);
    if (role === 'reporter' && options.unit === undefined) {
      throw new UserFacingError('unit-required', { vi: cliText('tokenUnitRequired', 'vi'), en: cliText('tokenUnitRequired', 'en') });
    }
    const { issueToken, checkTokenUnit, ALL_UNITS } = require('../../server/tokens') as typeof import('../../server/tokens');
    const unitId = options.unit ?? ALL_UNITS;
    // A reporter's unit by its id: a name or a near miss gets the id meant.
    if (role === 'reporter') requireUnitId(loadUnits(), unitId);
    checkTokenUnit(unitId, role); // before the database is opened
    const { id, token } = await withStore(cwd, options, (store) => issueToken(store, { unitId, role, label: options.label ?? null }));
    if (format === 'json') {
      printJson(io, { id, token, unitId, role, label: options.label ?? null });
      return;
    }
    printLine(io, cliText('tokenCreated', lang, { id, role, unit: unitId }));
    printLine(io, '');
    printLine(io, `    ${token}`);
    printLine(io, '');
    printLine(io, cliText('tokenShownOnce', lang, { id }));
  });
}

function registerRevoke(token: Command, io: CliIO, cwd: string, helpLang: Lang): void {
  const command = subcommand(token, 'revoke', helpLang, cliText('tokenRevokeDescription', helpLang)).argument('<id>', cliText('tokenIdArgument', helpLang));
  addCommonOptions(command, helpLang);
  command.usage(`${cliText('usageCommand', helpLang)} <id>`);
  command.action(async (id: string, options: StoreOptions) => {
    const lang = commandLang(command);
    const outcome = await withStore(cwd, options, async (store) => {
      if (await store.revokeToken(id, new Date().toISOString())) return { revoked: true as const };
      const existing = (await store.listTokens()).find((t) => t.id === id);
      return { revoked: false as const, existing };
    });
    if (outcome.revoked) return printLine(io, cliText('tokenRevoked', lang, { id }));
    const at = outcome.existing?.revokedAt ? vietnamTime(outcome.existing.revokedAt) : '';
    printError(io, lang, outcome.existing ? cliText('tokenAlreadyRevoked', lang, { id, at }) : cliText('tokenNotFound', lang, { id }));
    throw new CliExit(EXIT.userError);
  });
}

function registerList(token: Command, io: CliIO, cwd: string, helpLang: Lang): void {
  const command = subcommand(token, 'list', helpLang, cliText('tokenListDescription', helpLang)).option('--format <format>', cliText('tokenFormatOption', helpLang));
  addCommonOptions(command, helpLang);
  command.action(async (options: StoreOptions & { format?: string }) => {
    const lang = commandLang(command);
    const format = parseChoice('--format', options.format ?? 'text', FORMATS);
    const tokens = await withStore(cwd, options, (store) => store.listTokens());
    // Never the token, never its hash.
    const listed = tokens.map((t) => ({ id: t.id, unitId: t.unitId, role: t.role, label: t.label, createdAt: t.createdAt, revokedAt: t.revokedAt }));
    if (format === 'json') return printJson(io, listed);
    const headers = (['tokenHeaderId', 'tokenHeaderUnit', 'tokenHeaderRole', 'tokenHeaderLabel', 'tokenHeaderCreated', 'tokenHeaderRevoked'] as const).map((k) => cliText(k, lang));
    // Vietnam time, as the add-in shows every time; the JSON keeps ISO 8601.
    const when = (iso: string | null) => (iso ? vietnamTime(iso) : '');
    io.out(formatTable(headers, listed.map((t) => [t.id, t.unitId, t.role, t.label ?? '', when(t.createdAt), when(t.revokedAt)])));
    printLine(io, cliText('tokenCount', lang, { count: listed.length, live: listed.filter((t) => t.revokedAt === null).length }));
  });
}

export const tokenCommand: CliCommand = {
  name: 'token',
  register(program, { io, cwd, lang: helpLang }) {
    const token = program.command('token').description(cliText('tokenDescription', helpLang));
    addCommonOptions(token, helpLang, 'usageProgram');
    registerCreate(token, io, cwd, helpLang);
    registerRevoke(token, io, cwd, helpLang);
    registerList(token, io, cwd, helpLang);
    return token;
  },
};
