import fs from 'fs';
import path from 'path';
import { validateXML } from 'xmllint-wasm';

/**
 * manifest.xml, checked offline: against the Office add-in manifest schemas (v1.1, the project's
 * own copy in tests/fixtures/office-xsd; its README says where they come from and what was
 * repaired), then for what the schemas
 * cannot see: the host and API set, the icons' files and pixel sizes, and that every resource
 * reference resolves.
 */

const ROOT = path.resolve(__dirname, '../../..');
const XSD_DIR = path.resolve(__dirname, '../../fixtures/office-xsd');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';
const MANIFEST_FILE = path.join(ROOT, 'manifest.xml');
const ASSETS_DIR = path.join(ROOT, 'assets');
const DEV_SERVER = 'https://localhost:3000/';

// ---------------------------------------------------------------- schema validation

interface Schemas {
  main: { fileName: string; contents: string };
  preload: { fileName: string; contents: string }[];
}

/** The XSDs; throws (so the suite fails, never skips) when the folder or the main schema is missing. */
function loadSchemas(): Schemas {
  if (!fs.existsSync(XSD_DIR)) {
    throw new Error(`The manifest schemas are missing: expected the folder ${XSD_DIR} (tests/fixtures/office-xsd in the repository).`);
  }
  const files = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).sort();
  if (!files.includes(MAIN_XSD)) throw new Error(`${MAIN_XSD} is missing from ${XSD_DIR}`);
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(XSD_DIR, f), 'utf8') });
  return { main: read(MAIN_XSD), preload: files.filter((f) => f !== MAIN_XSD).map(read) };
}

async function schemaErrors(schemas: Schemas, xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [schemas.main], preload: schemas.preload });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

// ---------------------------------------------------------------- a small XML reader

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decodeEntities = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** Enough XML for a manifest: elements, attributes, text; comments and the declaration skipped. */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrText, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decodeEntities(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`XML: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decodeEntities(a[2]!);
    const element: XmlElement = { name: name!, attrs, children: [], text: '' };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is not closed`);
  return root.children[0]!;
}

const localName = (n: string) => n.slice(n.indexOf(':') + 1);
const child = (e: XmlElement | undefined, name: string) => e?.children.find((c) => localName(c.name) === name);
const childrenNamed = (e: XmlElement | undefined, name: string) => (e ? e.children.filter((c) => localName(c.name) === name) : []);
function descendants(e: XmlElement, name?: string): XmlElement[] {
  const all = e.children.flatMap((c) => [c, ...descendants(c)]);
  return name ? all.filter((c) => localName(c.name) === name) : all;
}

// ---------------------------------------------------------------- PNG

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG file (bad signature)');
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG file (IHDR is not the first chunk)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// ---------------------------------------------------------------- the manifest's own rules

/** Where a URL of the dev server lives in the repository: icons in assets/, pages in src/taskpane/. */
function localFileFor(url: string): string | undefined {
  if (!url.startsWith(DEV_SERVER)) return undefined;
  const rest = url.slice(DEV_SERVER.length).split(/[?#]/)[0]!;
  if (rest.startsWith('assets/')) return path.join(ASSETS_DIR, rest.slice('assets/'.length));
  if (/^[\w-]+\.html$/.test(rest)) return path.join(ROOT, 'src', 'taskpane', rest);
  return undefined;
}

/** Everything the schemas cannot check; an empty list means the manifest is fine. */
function manifestProblems(xml: string): string[] {
  const problems: string[] = [];
  const app = parseXml(xml);
  const overrides = child(app, 'VersionOverrides');

  // Host and API set.
  const hosts = childrenNamed(child(app, 'Hosts'), 'Host').map((h) => h.attrs['Name']);
  if (hosts.join() !== 'Workbook') problems.push(`Hosts: expected exactly Workbook, found [${hosts.join(', ')}]`);
  const sets = childrenNamed(child(child(app, 'Requirements'), 'Sets'), 'Set');
  const excelApi = sets.find((s) => s.attrs['Name'] === 'ExcelApi');
  if (excelApi?.attrs['MinVersion'] !== '1.9') problems.push(`Requirements: expected ExcelApi MinVersion 1.9, found ${excelApi ? excelApi.attrs['MinVersion'] : 'none'}`);
  const overrideHosts = childrenNamed(child(overrides, 'Hosts'), 'Host').map((h) => h.attrs['xsi:type']);
  if (overrides && overrideHosts.join() !== 'Workbook') problems.push(`VersionOverrides Hosts: expected Workbook, found [${overrideHosts.join(', ')}]`);

  // Resources, by kind.
  const resources = child(overrides, 'Resources');
  const declared = new Map<string, { kind: string; element: XmlElement }>();
  for (const [group, kind] of [['Images', 'image'], ['Urls', 'url'], ['ShortStrings', 'short'], ['LongStrings', 'long']] as const) {
    for (const r of child(resources, group)?.children ?? []) {
      const id = r.attrs['id']!;
      if (declared.has(id)) problems.push(`resource "${id}" is declared twice`);
      declared.set(id, { kind, element: r });
    }
  }

  // Every resid resolves, to a resource of the kind its element needs.
  const expectedKind = (e: XmlElement, parent: XmlElement): string => {
    const n = localName(e.name);
    if (n === 'Image') return 'image';
    if (n === 'SourceLocation' || n === 'FunctionFile' || n === 'LearnMoreUrl') return 'url';
    if (n === 'Description') return 'long';
    if (n === 'Label' || n === 'Title') return 'short';
    return `unknown (under ${localName(parent.name)})`;
  };
  const used = new Set<string>();
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      const resid = c.attrs['resid'];
      if (resid !== undefined) {
        used.add(resid);
        const want = expectedKind(c, e);
        const found = declared.get(resid);
        if (!found) problems.push(`<${localName(c.name)} resid="${resid}">: no such resource`);
        else if (found.kind !== want) problems.push(`<${localName(c.name)} resid="${resid}">: needs a ${want} resource, "${resid}" is a ${found.kind}`);
        if (found && want === 'image' && c.attrs['size'] !== undefined) {
          const m = /icon-(\d+)\.png$/.exec(found.element.attrs['DefaultValue'] ?? '');
          if (!m || m[1] !== c.attrs['size']) problems.push(`<Image size="${c.attrs['size']}" resid="${resid}">: the resource is ${found.element.attrs['DefaultValue']}`);
        }
      }
      walk(c);
    }
  };
  if (overrides) walk(overrides);
  for (const id of declared.keys()) if (!used.has(id)) problems.push(`resource "${id}" is declared but never used`);

  // Every URL is on the dev server and, for icons and pages, is a file of the repository.
  const urls: { where: string; url: string; size?: number }[] = [
    ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].flatMap((n) => {
      const e = child(app, n);
      return e ? [{ where: n, url: e.attrs['DefaultValue']!, size: n === 'IconUrl' ? 32 : n === 'HighResolutionIconUrl' ? 64 : undefined }] : [];
    }),
    { where: 'DefaultSettings/SourceLocation', url: child(child(app, 'DefaultSettings'), 'SourceLocation')?.attrs['DefaultValue'] ?? '' },
    ...[...declared].filter(([, r]) => r.kind === 'image' || r.kind === 'url').flatMap(([id, r]) => {
      const size = /^Icon\.(\d+)x\1$/.exec(id);
      return [
        { where: `resource ${id}`, url: r.element.attrs['DefaultValue']!, size: size ? Number(size[1]) : undefined },
        ...childrenNamed(r.element, 'Override').map((o) => ({ where: `resource ${id} (${o.attrs['Locale']})`, url: o.attrs['Value']!, size: size ? Number(size[1]) : undefined })),
      ];
    }),
  ];
  for (const { where, url, size } of urls) {
    if (!url.startsWith(DEV_SERVER)) {
      problems.push(`${where}: ${url || '(none)'} is not on the dev server ${DEV_SERVER}`);
      continue;
    }
    const file = localFileFor(url);
    if (!file || !fs.existsSync(file)) {
      problems.push(`${where}: ${url} has no file in the repository (${file ? path.relative(ROOT, file) : 'not under assets/ or a page'})`);
      continue;
    }
    if (file.endsWith('.png')) {
      try {
        const { width, height } = pngSize(fs.readFileSync(file));
        if (size !== undefined && (width !== size || height !== size)) problems.push(`${where}: ${path.relative(ROOT, file)} is ${width}×${height}, expected ${size}×${size}`);
        if (width !== height) problems.push(`${where}: ${path.relative(ROOT, file)} is not square`);
      } catch (e) {
        problems.push(`${where}: ${path.relative(ROOT, file)}: ${(e as Error).message}`);
      }
    }
  }
  for (const d of childrenNamed(child(app, 'AppDomains'), 'AppDomain')) {
    if (!/^https:\/\/[^/]+$/.test(d.text.trim())) problems.push(`AppDomain ${d.text.trim()}: expected an https origin without a path`);
  }

  // Locales: Vietnamese by default, English for every user-facing string.
  if (child(app, 'DefaultLocale')?.text.trim() !== 'vi-VN') problems.push('DefaultLocale: expected vi-VN');
  const localized = [
    ...['DisplayName', 'Description'].map((n) => ({ where: n, element: child(app, n) })),
    ...[...declared].filter(([, r]) => r.kind === 'short' || r.kind === 'long').map(([id, r]) => ({ where: `resource ${id}`, element: r.element as XmlElement | undefined })),
  ];
  for (const { where, element } of localized) {
    if (!element) problems.push(`${where}: missing`);
    else if (!childrenNamed(element, 'Override').some((o) => o.attrs['Locale'] === 'en-US')) problems.push(`${where}: no en-US override`);
  }
  return problems;
}

// ---------------------------------------------------------------- the tests

describe('manifest.xml', () => {
  const xml = fs.readFileSync(MANIFEST_FILE, 'utf8');
  let schemas: Schemas;

  beforeAll(() => {
    schemas = loadSchemas();
  });

  it('finds the Office manifest schemas inside the repository (a fresh clone needs nothing beside it)', () => {
    expect(path.relative(ROOT, XSD_DIR).startsWith('..')).toBe(false);
    expect(schemas.main.contents).toContain('OfficeApp');
    expect(schemas.preload.map((s) => s.fileName)).toEqual(
      expect.arrayContaining(['OfficeAppBasicTypesV1_0.xsd', 'TaskPaneAppVersionOverridesV1_0.xsd']),
    );
  });

  it('is valid against the add-in manifest schema v1.1', async () => {
    expect(await schemaErrors(schemas, xml)).toEqual([]);
  });

  it('is a task pane add-in for Excel needing ExcelApi 1.9, its icons, pages and resources all in place', () => {
    expect(manifestProblems(xml)).toEqual([]);
    const app = parseXml(xml);
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(app, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(app, 'Version')!.text).toBe('1.0.0.0');
    expect(child(app, 'ProviderName')!.text).toBe('chitieu');
    expect(child(app, 'DisplayName')!.attrs['DefaultValue']).toBe('Chỉ tiêu KTS-XHS (Phụ lục 01)');
    expect(child(app, 'Permissions')!.text).toBe('ReadWriteDocument');
    expect(child(child(app, 'DefaultSettings'), 'SourceLocation')!.attrs['DefaultValue']).toBe('https://localhost:3000/taskpane.html');
  });

  it('puts a "Phụ lục 01" group on the Home tab whose button opens the task pane', () => {
    const app = parseXml(xml);
    const tab = descendants(app, 'OfficeTab')[0]!;
    expect(tab.attrs['id']).toBe('TabHome');
    const strings = new Map(descendants(app, 'String').map((s) => [s.attrs['id'], s]));
    const group = child(tab, 'Group')!;
    expect(strings.get(child(group, 'Label')!.attrs['resid'])!.attrs['DefaultValue']).toBe('Phụ lục 01');
    const button = child(group, 'Control')!;
    expect(button.attrs['xsi:type']).toBe('Button');
    const label = strings.get(child(button, 'Label')!.attrs['resid'])!;
    expect(label.attrs['DefaultValue']).toBe('Mở bảng chỉ tiêu');
    expect(child(label, 'Override')!.attrs).toEqual({ Locale: 'en-US', Value: 'Open return' });
    const action = child(button, 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'TaskpaneId')!.text).toBe('ButtonId1');
    const urls = new Map(descendants(app, 'Url').map((u) => [u.attrs['id'], u.attrs['DefaultValue']]));
    expect(urls.get(child(action, 'SourceLocation')!.attrs['resid'])).toBe('https://localhost:3000/taskpane.html');
    expect(urls.get(descendants(app, 'FunctionFile')[0]!.attrs['resid'])).toBe('https://localhost:3000/commands.html');
  });

  it('ships every icon size as a PNG of that many pixels', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(fs.readFileSync(path.join(ASSETS_DIR, `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(() => pngSize(Buffer.from('GIF89a, not a png at all'))).toThrow(/not a PNG/);
  });

  describe('the checks catch a broken copy', () => {
    const broken = (from: RegExp | string, to: string) => {
      const out = xml.replace(from, to);
      expect(out).not.toBe(xml); // the edit really happened
      return out;
    };

    it('the schema rejects an unknown element', async () => {
      const errors = await schemaErrors(schemas, broken('<Permissions>', '<Frobnicate/>\n  <Permissions>'));
      expect(errors.join('\n')).toMatch(/Frobnicate/);
    });

    it('the schema rejects a missing DefaultSettings, an unknown permission and a malformed Id', async () => {
      expect(await schemaErrors(schemas, broken(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, ''))).not.toEqual([]);
      expect(await schemaErrors(schemas, broken('<Permissions>ReadWriteDocument<', '<Permissions>ReadWriteEverything<'))).not.toEqual([]);
      expect(await schemaErrors(schemas, broken(/<Id>[^<]*<\/Id>/, '<Id>chitieu</Id>'))).not.toEqual([]);
    });

    it('the Hosts element removed: the schema allows it (Hosts is optional), the manifest check does not', async () => {
      const noHosts = broken(/\n\s*<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/, '');
      expect(await schemaErrors(schemas, noHosts)).toEqual([]);
      expect(manifestProblems(noHosts)).toContain('Hosts: expected exactly Workbook, found []');
    });

    it('the manifest check rejects a lower API set, a dangling resid, a wrong icon size and a missing icon', () => {
      expect(manifestProblems(broken('MinVersion="1.9"', 'MinVersion="1.8"'))).toContain('Requirements: expected ExcelApi MinVersion 1.9, found 1.8');
      expect(manifestProblems(broken('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Missing"/>'))).toEqual(
        expect.arrayContaining(['<SourceLocation resid="Taskpane.Missing">: no such resource']),
      );
      expect(manifestProblems(broken('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Group.Label"/>'))).toEqual(
        expect.arrayContaining(['<FunctionFile resid="Group.Label">: needs a url resource, "Group.Label" is a short']),
      );
      expect(manifestProblems(broken('id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'))).toEqual(
        expect.arrayContaining([expect.stringMatching(/resource Icon\.80x80: assets\/icon-64\.png is 64×64, expected 80×80/)]),
      );
      expect(manifestProblems(broken('assets/icon-16.png', 'assets/icon-17.png'))).toEqual(
        expect.arrayContaining([expect.stringMatching(/icon-17\.png has no file in the repository/)]),
      );
    });
  });
});
