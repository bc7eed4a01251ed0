/** Worker-thread entry of the batch pool: checks the files it is sent, one at a time. */
import { parentPort } from 'worker_threads';
import { type FileJob, failedOutcome, processFile } from './process';

parentPort?.on('message', (job: FileJob) => {
  processFile(job).then(
    (outcome) => parentPort!.postMessage(outcome),
    (err: unknown) => parentPort!.postMessage(failedOutcome(job, `检查时出现程序内部错误（${(err as Error)?.message ?? err}）`)),
  );
});
