/**
 * Shows a short zh-CN message from a ribbon command. Without a shared runtime there is no pane to talk to,
 * so a small dialog (dialog.html) displays the text; the promise settles when the user closes it, when the
 * caller's time is up (the dialog is then closed too), or at once if it cannot be shown.
 */
const DIALOG_TIMEOUT_MS = 2 * 60_000;

export interface NotifyOptions {
  /** Settle (and close the dialog) after this long; the command's remaining time budget. */
  timeoutMs?: number;
}

export type Notify = (title: string, message: string, options?: NotifyOptions) => Promise<void>;

/** The dialog currently open, if any: Office shows one dialog per add-in at a time. */
let current: { close: () => void } | undefined;

/** Closes the open result dialog (a new click should not queue behind it). */
export function closeDialog(): void {
  const c = current;
  current = undefined;
  c?.close();
}

export function dialogUrl(base: string, title: string, message: string): string {
  const url = new URL('dialog.html', base);
  url.searchParams.set('t', title);
  url.searchParams.set('m', message);
  return url.toString();
}

export const showDialog: Notify = (title, message, options = {}) =>
  new Promise<void>((resolve) => {
    let settled = false;
    const done = (): void => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    let close: () => void = () => undefined;
    const timer = setTimeout(() => close(), Math.min(options.timeoutMs ?? DIALOG_TIMEOUT_MS, DIALOG_TIMEOUT_MS));
    const finish = (): void => {
      clearTimeout(timer);
      if (current?.close === close) current = undefined;
      done();
    };
    close = finish;
    try {
      Office.context.ui.displayDialogAsync(
        dialogUrl(window.location.href, title, message),
        { height: 28, width: 32, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            finish();
            return;
          }
          const dialog = result.value;
          close = (): void => {
            try {
              dialog.close();
            } catch {
              // already closed by the user
            }
            finish();
          };
          current = { close };
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
        },
      );
    } catch {
      finish();
    }
  });
