/**
 * The JSON body parser: Fastify's own (secure-json-parse, which refuses __proto__ and constructor
 * keys), after a bound on nesting. A body of a few kilobytes nested thousands deep parses, but
 * then overflows the stack wherever it is walked (zod, the copy to the check thread) and came back
 * as 500; a return is nested four deep.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError, HttpError } from './messages';

export const MAX_JSON_DEPTH = 64;

/** Whether `text` opens more than `max` arrays or objects inside each other (strings skipped). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

export function addJsonParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return done(new HttpError(400, apiError('too-deep', { max: MAX_JSON_DEPTH })), undefined);
    return parse(request, text, done);
  });
}
