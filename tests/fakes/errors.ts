/**
 * Errors shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo), so
 * product code that branches on `error.code` or shows `error.message` is exercised for real.
 * Messages are Excel's own wording where we know it.
 */

export type FakeErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidObjectPath'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'InvalidRequestContext'
  | 'InvalidSelection'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'MergedRangeConflict'
  | 'NotImplemented'
  | 'PropertyNotLoaded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RunMustReturnPromise'
  | 'ValueNotLoaded';

const MESSAGES: Record<FakeErrorCode, string> = {
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets" for more information.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict: 'Cannot complete the operation since it conflicts with a merged cell.',
  NotImplemented: 'The requested feature isn\'t implemented.',
  PropertyNotLoaded: '',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

const HTTP_STATUS: Partial<Record<FakeErrorCode, number>> = {
  AccessDenied: 401,
  ApiNotFound: 404,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
};

export const PROTECTED_SHEET_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  /** Not in Office.js: why the fake refused, when Excel's message says less. */
  fakeDetail?: string;
}

export class FakeRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: FakeErrorCode;
  readonly httpStatusCode: number;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: FakeErrorCode, options: { message?: string; location?: string; detail?: string } = {}) {
    const message = options.message ?? MESSAGES[code];
    super(message);
    Object.setPrototypeOf(this, FakeRichApiError.prototype);
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
    this.debugInfo = { code, message, ...(options.location ? { errorLocation: options.location } : {}), ...(options.detail ? { fakeDetail: options.detail } : {}) };
  }

  /** The location of the queued operation that failed, unless the thrower already named one. */
  withLocation(location: string): FakeRichApiError {
    if (!this.debugInfo.errorLocation) this.debugInfo.errorLocation = location;
    return this;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function fail(code: FakeErrorCode, detail?: string, message?: string): never {
  throw new FakeRichApiError(code, { detail, message });
}

export function propertyNotLoaded(entity: string, property: string): FakeRichApiError {
  return new FakeRichApiError('PropertyNotLoaded', {
    message: `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location: `${entity}.${property}`,
  });
}

export function isRichApiError(e: unknown): e is FakeRichApiError {
  return e instanceof FakeRichApiError;
}
