import { workerData } from 'node:worker_threads';
import { analysisTasks } from './analysis-tasks';
import { serveTasks } from './worker-host';

/** Entry of an analysis worker thread: `workerData.data` carries how many snapshots it may hold. */
const { maxSnapshots } = (workerData as { data: { maxSnapshots: number } }).data;
serveTasks(analysisTasks(maxSnapshots));
