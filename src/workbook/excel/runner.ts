/**
 * How the Office.js adapter reaches a workbook: `Excel.run` inside Excel, the fake host's
 * `run` in tests and on the preview page. Passing it in keeps the adapter free of globals.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported, e.g. ('ExcelApi', '1.10'). */
  isSetSupported(name: string, version: string): boolean;
}

/** The real host, for the add-in running inside Excel. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
