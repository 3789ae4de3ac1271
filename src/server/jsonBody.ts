/**
 * The JSON body parser: Fastify's own (secure-json-parse, which refuses __proto__ and constructor
 * keys), after a bound on nesting. A body of a few kilobytes nested thousands deep parses, but
 * then overflows the stack wherever it is walked (zod, the copy to the check thread) and came back
 * as 500; a return is nested four deep.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError, HttpError } from './messages';

/** Far above a return's four levels, far below the thousands that overflow a stack. */
export const MAX_JSON_DEPTH = 256;

/** How many times `char` occurs in `text`, stopping once past `max` (indexOf: a native search). */
function occurrences(text: string, char: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1 && n <= max; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** The index of the quote that closes the string opened at `open` (indexOf jumps over its text), or -1. */
function stringEnd(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}

/** Whether `text` opens more than `max` arrays or objects inside each other (strings skipped). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = stringEnd(text, i);
      // An unterminated string: the parser says what is wrong.
      if (i === -1) return false;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

export function addJsonParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    // Nesting deeper than the bound needs more brackets than the bound: most bodies have fewer, and skip the scan.
    const brackets = occurrences(text, '{', MAX_JSON_DEPTH) + occurrences(text, '[', MAX_JSON_DEPTH);
    if (brackets > MAX_JSON_DEPTH && nestedDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new HttpError(400, apiError('too-deep', { max: MAX_JSON_DEPTH })), undefined);
    }
    return parse(request, text, done);
  });
}
