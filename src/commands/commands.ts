import type { Host } from '../core/host';
import { createExcelHost } from '../hosts/excel';
import { describeFailure, runClear, runValidation } from './actions';
import { type Notify, closeDialog, showDialog } from './notify';

export interface CommandDeps {
  createHost: () => Host;
  notify: Notify;
  /** Closes a result dialog left open by an earlier command (showDialog's closeDialog). */
  closeNotice?: () => void;
  /** Time budget of one command; defaults to COMMAND_BUDGET_MS. Tests shorten it. */
  budgetMs?: number;
  now?: () => number;
}

type CommandEvent = { completed: (options?: unknown) => void };

/**
 * Excel ends a function command that has not called event.completed() after 5 minutes (the ExecuteFunction
 * runtime limit). We complete well before: the whole command — work plus the result dialog — gets 4
 * minutes, and a watchdog completes the event at the budget's end whatever is still pending.
 */
export const COMMAND_BUDGET_MS = 4 * 60_000;
/** The result dialog stays at most this long, and never beyond the command's budget. */
export const NOTICE_MAX_MS = 2 * 60_000;

/**
 * The two ExecuteFunction handlers. Each ALWAYS calls event.completed() exactly once, also when everything
 * fails or hangs. A click while a command is working is answered at once ("上一次操作尚未完成"); a click
 * while only the previous result dialog is open closes that dialog and starts the new command.
 */
export function makeCommands(deps: CommandDeps): Record<'validateWorkbook' | 'clearMarks', (e: CommandEvent) => Promise<void>> {
  const budget = deps.budgetMs ?? COMMAND_BUDGET_MS;
  const now = deps.now ?? Date.now;
  let working: string | undefined;

  const say = async (title: string, message: string, deadline: number): Promise<void> => {
    try {
      await deps.notify(title, message, { timeoutMs: Math.max(0, Math.min(NOTICE_MAX_MS, deadline - now())) });
    } catch {
      // nothing more we can do; never leave the button spinning
    }
  };

  const command =
    (title: string, failAction: string, work: (host: Host) => Promise<string>) =>
    async (event: CommandEvent): Promise<void> => {
      let completed = false;
      const complete = (): void => {
        if (completed) return;
        completed = true;
        try {
          event.completed();
        } catch {
          // the host may already have ended the command
        }
      };
      const deadline = now() + budget;
      const watchdog = setTimeout(complete, budget);
      try {
        if (working) {
          try {
            deps.closeNotice?.();
          } catch {
            // no dialog to close
          }
          await say(title, `“${working}”尚未完成，请等它结束后再点击“${title}”。`, deadline);
          return;
        }
        // A result dialog of the previous command still open: close it (that command then completes).
        try {
          deps.closeNotice?.();
        } catch {
          // none open
        }
        let message: string;
        working = title;
        try {
          message = await work(deps.createHost());
        } catch (err) {
          message = describeFailure(failAction, err);
        } finally {
          working = undefined;
        }
        await say(title, message, deadline);
      } finally {
        clearTimeout(watchdog);
        complete();
      }
    };

  return {
    validateWorkbook: command('一键校验', '校验', async (host) => (await runValidation(host)).message),
    clearMarks: command('清除标记', '清除标记', (host) => runClear(host)),
  };
}

/** Registers the handlers under the FunctionName values used in manifest.xml. */
export function registerCommands(office: typeof Office, commands: ReturnType<typeof makeCommands>): void {
  // Literal names: scripts/validate-manifest.js checks manifest.xml's FunctionName values against these calls.
  if (office.actions && typeof office.actions.associate === 'function') {
    office.actions.associate('validateWorkbook', commands.validateWorkbook);
    office.actions.associate('clearMarks', commands.clearMarks);
  }
  // Older Excel builds look the function up on the global object instead.
  Object.assign(globalThis, commands);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  Office.onReady(() =>
    registerCommands(Office, makeCommands({ createHost: () => createExcelHost(), notify: showDialog, closeNotice: closeDialog })),
  );
}
