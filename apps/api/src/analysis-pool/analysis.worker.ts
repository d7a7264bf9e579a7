import { workerData } from 'node:worker_threads';
import { analysisTasks } from './analysis-tasks';
import { serveTasks } from './worker-host';

/** Entry of an analysis worker thread: `workerData.data` carries the bytes of snapshots it may hold. */
const { budgetBytes } = (workerData as { data: { budgetBytes: number } }).data;
serveTasks(analysisTasks({ budgetBytes }));
