/**
 * The proxy machinery of Office.js, reproduced where product code can get it wrong:
 * - reading a scalar that was not loaded and synced throws PropertyNotLoaded;
 * - assignments and method calls only queue; the workbook changes at sync, in order;
 * - an object is found (or found missing) when the sync reaches it, not when it is created;
 * - *OrNullObject proxies report isNullObject after a sync; acting on one fails with ItemNotFound;
 * - a member the fake does not implement fails loudly instead of returning undefined.
 */
import type { FakeRequestContext } from './context';
import { supportsApi, type Execution } from './core';
import { FakeRichApiError, propertyNotLoaded } from './errors';

/** Finds an object's target at sync: the target, null for a null object, or throws (ItemNotFound…). */
export type Locate<T> = (exec: Execution) => T | null;

export interface ScalarSpec<T> {
  read?: (target: T, exec: Execution) => unknown;
  write?: (target: T, value: unknown, exec: Execution) => void;
  /** ExcelApi version the property needs. */
  api?: string;
  /** Left out of a bare load() (expensive or version-gated). */
  notInLoadAll?: boolean;
}

const SCALARS = new Map<object, Record<string, ScalarSpec<never>>>();

/** Declares loadable and settable properties; the class declares them with `declare name: T;`. */
export function defineScalars<T>(cls: { prototype: FakeClientObject<T> }, specs: Record<string, ScalarSpec<T>>): void {
  SCALARS.set(cls.prototype, specs as Record<string, ScalarSpec<never>>);
  for (const name of Object.keys(specs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: FakeClientObject<T>) {
        return this.readScalar(name);
      },
      set(this: FakeClientObject<T>, value: unknown) {
        this.writeScalar(name, value);
      },
    });
  }
}

function scalarsOf(obj: object): Record<string, ScalarSpec<unknown>> {
  const out: Record<string, ScalarSpec<unknown>> = {};
  const chain: object[] = [];
  for (let p = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) chain.unshift(p);
  for (const p of chain) Object.assign(out, SCALARS.get(p) ?? {});
  return out;
}

/** What one load() asked for. */
export interface LoadPlan {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, LoadPlan>;
}

function emptyPlan(all = false): LoadPlan {
  return { all, scalars: new Set(), navs: new Map() };
}

function addPath(plan: LoadPlan, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    plan.scalars.add(head);
    return;
  }
  let sub = plan.navs.get(head);
  if (!sub) plan.navs.set(head, (sub = emptyPlan()));
  addPath(sub, rest);
}

function addNames(plan: LoadPlan, names: string | string[] | undefined, expand: boolean): void {
  const list = typeof names === 'string' ? names.split(',') : names ?? [];
  for (const raw of list) {
    const path = raw.trim().split('/').map((s) => s.trim()).filter(Boolean);
    if (!path.length) continue;
    if (expand) {
      let sub = plan;
      for (const seg of path) {
        let next = sub.navs.get(seg);
        if (!next) sub.navs.set(seg, (next = emptyPlan()));
        sub = next;
      }
      sub.all = true;
    } else addPath(plan, path);
  }
}

/** load('a, b/c'), load(['a']), load({ select, expand }), load({ a: true, b: { c: true } }). */
export function parseLoadSpec(spec: unknown): LoadPlan {
  if (spec === undefined || spec === null || spec === '') return emptyPlan(true);
  const plan = emptyPlan();
  if (typeof spec === 'string' || Array.isArray(spec)) {
    addNames(plan, spec as string | string[], false);
    return plan;
  }
  if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      addNames(plan, o.select as string | string[], false);
      addNames(plan, o.expand as string | string[], true);
      if (!o.select && !o.expand) plan.all = true;
      return plan;
    }
    for (const [key, value] of Object.entries(o)) {
      if (key === '$all') plan.all = plan.all || value === true;
      else if (key.startsWith('$')) continue;
      else if (value === true) plan.scalars.add(key);
      else if (value && typeof value === 'object') plan.navs.set(key, parseLoadSpec(value));
    }
    if (plan.scalars.size === 0 && plan.navs.size === 0) plan.all = true;
    return plan;
  }
  throw new FakeRichApiError('InvalidArgument', { detail: 'load() takes a string, an array or an object' });
}

/** Values cross the wire as JSON: later changes to what the caller passed do not reach Excel. */
export function snapshotValue<V>(value: V): V {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof FakeClientObject) return value;
  if (value instanceof Date) return new Date(value.getTime()) as V;
  if (Array.isArray(value)) return value.map(snapshotValue) as V;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = snapshotValue(v);
  return out as V;
}

/** Names product code or test tooling probes for without meaning an Office.js member. */
const PROBES = new Set(['then', 'catch', 'finally', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', 'length', 'toJSON', 'constructor', 'nodeName', 'window', 'document']);

function guard<O extends FakeClientObject<unknown>>(obj: O): O {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target) && /^[a-z][A-Za-z0-9]*$/.test(prop) && !PROBES.has(prop)) {
        throw new FakeRichApiError('NotImplemented', { message: `The fake Excel host does not implement ${target.entity}.${prop}.`, location: `${target.entity}.${prop}` });
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export abstract class FakeClientObject<T> {
  protected readonly loadedValues = new Map<string, unknown>();
  /** undefined until a sync tells; true for a null object. */
  protected nullState: boolean | undefined;
  private readonly children = new Map<string, FakeClientObject<unknown>>();

  constructor(
    readonly context: FakeRequestContext,
    /** The Office.js class name, as in "Range.values". */
    readonly entity: string,
    readonly locate: Locate<T>,
  ) {
    return guard(this);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.entity, 'isNullObject');
    return this.nullState;
  }

  /** The target, or ItemNotFound for a null object: acting on nothing fails. */
  mustFind(exec: Execution): T {
    const target = this.locate(exec);
    if (target === null) throw new FakeRichApiError('ItemNotFound', { detail: `${this.entity} is a null object (its *OrNullObject lookup found nothing)` });
    return target;
  }

  readScalar(name: string): unknown {
    if (this.loadedValues.has(name)) return this.loadedValues.get(name);
    if (this.nullState === true) return undefined;
    throw propertyNotLoaded(this.entity, name);
  }

  writeScalar(name: string, value: unknown): void {
    const spec = scalarsOf(this)[name];
    if (!spec?.write) throw new TypeError(`Cannot set property ${name} of ${this.entity}, which is read-only`);
    const copy = snapshotValue(value);
    if (this.context.core.reflectWritesInProxy) this.loadedValues.set(name, copy);
    else this.loadedValues.delete(name);
    const write = spec.write;
    this.enqueue(name, (exec) => write(this.mustFind(exec), copy, exec), { api: spec.api });
  }

  /** Queues one counted operation on this object. */
  protected enqueue(member: string, run: (exec: Execution) => void, options: { api?: string; mutates?: boolean } = {}): void {
    this.context.enqueue({ location: `${this.entity}.${member}`, api: options.api, mutates: options.mutates ?? true, run });
  }

  /** Queues a method call acting on the target. */
  protected action(member: string, run: (target: T, exec: Execution) => void, options: { api?: string; mutates?: boolean } = {}): void {
    this.enqueue(member, (exec) => run(this.mustFind(exec), exec), options);
  }

  /** Queues a method call whose answer arrives in a ClientResult after the sync. */
  protected result<R>(member: string, compute: (target: T, exec: Execution) => R, options: { api?: string } = {}): FakeClientResult<R> {
    const out = new FakeClientResult<R>();
    this.action(member, (t, exec) => {
      const value = compute(t, exec);
      exec.commit(() => out.resolve(value));
    }, { ...options, mutates: false });
    return out;
  }

  /**
   * *OrNullObject proxies learn whether they exist at the next sync even without a load
   * (Office.js instantiates them); this probe is not counted as a queued operation.
   */
  protected probeExistence(): this {
    this.context.enqueue(
      {
        location: `${this.entity}.isNullObject`,
        mutates: false,
        run: (exec) => {
          const found = this.locate(exec) !== null;
          exec.commit(() => {
            this.nullState = !found;
          });
        },
      },
      false,
    );
    return this;
  }

  /** A navigation property's proxy, made once so loads on it stay visible. */
  protected child<C extends FakeClientObject<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name) as C | undefined;
    if (!c) this.children.set(name, (c = make()));
    return c;
  }

  /** Other objects passed as arguments must come from the same request context. */
  protected sameContext<O>(obj: O): O {
    if (obj instanceof FakeClientObject && obj.context !== this.context) throw new FakeRichApiError('InvalidRequestContext', { location: this.entity });
    return obj;
  }

  load(spec?: unknown): this {
    const plan = parseLoadSpec(spec);
    this.enqueue('load', (exec) => this.runLoad(plan, exec), { mutates: false });
    return this;
  }

  runLoad(plan: LoadPlan, exec: Execution): void {
    const target = this.locate(exec);
    const specs = scalarsOf(this);
    const navs = new Map(plan.navs);
    const names = plan.all ? Object.keys(specs).filter((n) => specs[n]!.read && !specs[n]!.notInLoadAll && (!specs[n]!.api || supportsApi(exec.core, specs[n]!.api!))) : [...plan.scalars];
    const values: [string, unknown][] = [];
    for (const name of names) {
      // The load itself answers isNullObject.
      if (name === 'isNullObject') continue;
      const spec = specs[name];
      if (spec?.read) {
        if (spec.api && !supportsApi(exec.core, spec.api)) throw new FakeRichApiError('ApiNotFound', { location: `${this.entity}.${name}`, detail: `needs ExcelApi ${spec.api}` });
        if (target !== null) values.push([name, snapshotValue(spec.read(target, exec))]);
      } else if (this.navigation(name)) navs.set(name, emptyPlan(true));
      else throw new FakeRichApiError('InvalidArgument', { location: `${this.entity}.load`, detail: `${this.entity} has no loadable property "${name}" (or the fake does not implement it)` });
    }
    exec.commit(() => {
      this.nullState = target === null;
      for (const [k, v] of values) this.loadedValues.set(k, v);
    });
    for (const [name, sub] of navs) {
      const nav = this.navigation(name);
      if (!nav) throw new FakeRichApiError('InvalidArgument', { location: `${this.entity}.load`, detail: `${this.entity} has no navigation property "${name}"` });
      nav.runLoad(sub, exec);
    }
  }

  private navigation(name: string): FakeClientObject<unknown> | null {
    if (!(name in this) || name in scalarsOf(this)) return null;
    const value = (this as unknown as Record<string, unknown>)[name];
    return value instanceof FakeClientObject ? value : null;
  }

  /** object.set({ ... }): each property is its own assignment (and queued operation). */
  set(properties: Record<string, unknown>): void {
    const specs = scalarsOf(this);
    for (const [key, value] of Object.entries(properties ?? {})) {
      if (specs[key]?.write) this.writeScalar(key, value);
      else {
        const nav = this.navigation(key);
        if (nav && value && typeof value === 'object') nav.set(value as Record<string, unknown>);
        else throw new FakeRichApiError('InvalidArgument', { location: `${this.entity}.set`, detail: `${this.entity}.${key} cannot be set` });
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Collections: `items` after a load, getCount(), and items bound to what the sync found. */
export abstract class FakeCollection<TItem extends FakeClientObject<unknown>, T> extends FakeClientObject<T> {
  private loadedItems: TItem[] | undefined;

  get items(): TItem[] {
    if (this.loadedItems) return this.loadedItems;
    if (this.nullState === true) return [];
    throw propertyNotLoaded(this.entity, 'items');
  }

  /** Proxies for the collection's current members, each bound to its member. */
  protected abstract itemsOf(target: T, exec: Execution): TItem[];

  override runLoad(plan: LoadPlan, exec: Execution): void {
    const target = this.locate(exec);
    // On a collection, load("name") means items/name, and load() means every item property.
    const itemsPlan = plan.navs.get('items') ?? emptyPlan(plan.all);
    for (const s of plan.scalars) {
      if (s === 'items') itemsPlan.all = true;
      else itemsPlan.scalars.add(s);
    }
    for (const [k, v] of plan.navs) if (k !== 'items') itemsPlan.navs.set(k, v);
    if (!itemsPlan.all && itemsPlan.scalars.size === 0 && itemsPlan.navs.size === 0) itemsPlan.all = true;
    const items = target === null ? [] : this.itemsOf(target, exec);
    for (const item of items) item.runLoad(itemsPlan, exec);
    exec.commit(() => {
      this.nullState = target === null;
      this.loadedItems = items;
    });
  }

  getCount(): FakeClientResult<number> {
    return this.result('getCount', (t, exec) => this.itemsOf(t, exec).length);
  }

  override toJSON(): Record<string, unknown> {
    return { items: this.loadedItems?.map((i) => i.toJSON()) ?? [] };
  }
}

export class FakeClientResult<R> {
  private loaded = false;
  private v: R | undefined;

  get value(): R {
    if (!this.loaded) throw new FakeRichApiError('ValueNotLoaded', { location: 'ClientResult.value' });
    return this.v as R;
  }

  resolve(value: R): void {
    this.loaded = true;
    this.v = value;
  }
}

/** Finds the target once, then keeps to it while it lives (Office.js refers to objects by id once seen). */
export function bindOnFirstUse<T>(find: (exec: Execution) => T | null, alive: (t: T) => boolean): Locate<T> {
  let bound: T | undefined;
  return (exec) => {
    if (bound !== undefined && alive(bound)) return bound;
    const found = find(exec);
    if (found !== null) bound = found;
    return found;
  };
}

/** A proxy for one known member (from a collection's items or an add()); gone means ItemNotFound. */
export function fixed<T>(target: T, alive: (t: T) => boolean, what: string): Locate<T> {
  return () => {
    if (!alive(target)) throw new FakeRichApiError('ItemNotFound', { detail: `${what} no longer exists` });
    return target;
  };
}
