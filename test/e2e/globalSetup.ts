// One Vite dev server for all e2e files; its URL reaches the tests through vitest's provide/inject.
import type { TestProject } from 'vitest/node';
import { startDevServer } from './devServer';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startDevServer();
  project.provide('baseUrl', server.url);
  return () => server.close();
}
