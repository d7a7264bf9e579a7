/** Messages between the API stage and the service process it starts (api-service-main.ts). */

/** From the stage: how much CPU time the service has spent so far. */
export type ServiceRequest = { type: 'cpu' };

/** From the service: where it listens, why it could not start, or its CPU time in milliseconds. */
export type ServiceMessage =
  { type: 'listening'; url: string } | { type: 'failed'; message: string } | { type: 'cpu'; ms: number };
