// Imported first by the loading worker, so its guard is in place before any other module of the worker runs.
import { guardRequests, type RequestScope } from './originGuard';

guardRequests(globalThis as unknown as RequestScope);
