/**
 * The manifest's FunctionFile. The ribbon button only opens the task pane (ShowTaskpane), so
 * there is nothing to register; Office still needs the page to load and call onReady.
 */
Office.onReady(() => undefined);
