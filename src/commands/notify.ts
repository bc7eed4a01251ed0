/**
 * Shows a short zh-CN message from a ribbon command. Without a shared runtime there is no pane to talk to,
 * so a small dialog (dialog.html) displays the text; the promise settles when the user closes it.
 */
const DIALOG_TIMEOUT_MS = 5 * 60_000;

export type Notify = (title: string, message: string) => Promise<void>;

export function dialogUrl(base: string, title: string, message: string): string {
  const url = new URL('dialog.html', base);
  url.searchParams.set('t', title);
  url.searchParams.set('m', message);
  return url.toString();
}

export const showDialog: Notify = (title, message) =>
  new Promise<void>((resolve) => {
    let settled = false;
    const done = (): void => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    const timer = setTimeout(done, DIALOG_TIMEOUT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      done();
    };
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
          const close = (): void => {
            try {
              dialog.close();
            } catch {
              // already closed by the user
            }
            finish();
          };
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
        },
      );
    } catch {
      finish();
    }
  });
