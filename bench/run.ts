// `npm run bench [-- part ...]`: prints figures; never fails on speed (targets are read by people, not asserted).
import { runRecistBench } from './recistBench';

const parts: Record<string, () => void | Promise<void>> = {
  recist: runRecistBench,
  // Loaded on demand: these pull in dcmjs/daikon, and Vite/Playwright.
  parse: async () => (await import('./parseBench')).runParseBench(),
  viewer: async () => (await import('./viewerBench')).runViewerBench(),
  measure: async () => (await import('./measureBench')).runMeasureBench(),
  oneclick: async () => (await import('./oneClickBench')).runOneClickBench(),
  pacs: async () => (await import('./pacsBench')).runPacsBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in parts));
if (unknown.length > 0) {
  console.error(`bench: unknown part ${unknown.join(', ')}; known: ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(parts)) {
  await parts[name]?.();
}
