import type { Host } from '../core/host';
import { createExcelHost } from '../hosts/excel';
import { describeFailure, runClear, runValidation } from './actions';
import { type Notify, showDialog } from './notify';

export interface CommandDeps {
  createHost: () => Host;
  notify: Notify;
}

type CommandEvent = { completed: (options?: unknown) => void };

/** The two ExecuteFunction handlers. Each ALWAYS calls event.completed(), also when everything fails. */
export function makeCommands(deps: CommandDeps): Record<'validateWorkbook' | 'clearMarks', (e: CommandEvent) => Promise<void>> {
  const say = async (title: string, message: string): Promise<void> => {
    try {
      await deps.notify(title, message);
    } catch {
      // nothing more we can do; never leave the button spinning
    }
  };
  return {
    async validateWorkbook(event) {
      try {
        const summary = await runValidation(deps.createHost());
        await say('一键校验', summary.message);
      } catch (err) {
        await say('一键校验', describeFailure('校验', err));
      } finally {
        event.completed();
      }
    },
    async clearMarks(event) {
      try {
        await say('清除标记', await runClear(deps.createHost()));
      } catch (err) {
        await say('清除标记', describeFailure('清除标记', err));
      } finally {
        event.completed();
      }
    },
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
  Office.onReady(() => registerCommands(Office, makeCommands({ createHost: () => createExcelHost(), notify: showDialog })));
}
