// A double read's standing in words, for the list and the adjudication panel.
import type { DoubleReadStatus } from '../../agreement/doubleReadStatus';
import type { ReadComparison } from '../../agreement/compareReads';

const dash = (v: string | null) => v ?? '—';

/** "Follow-up 1 (2024-04-10): PR vs SD", or the best response / progression date when the time points agree. */
export function discordanceWords(c: ReadComparison): string {
  const [a, b] = c.readers;
  if (c.firstDiscordant) {
    const t = c.firstDiscordant;
    return `${t.label} (${t.scanDate}): ${a} ${dash(t.first)}, ${b} ${dash(t.second)}`;
  }
  if (!c.bestResponse.agree) return `best overall response: ${a} ${c.bestResponse.first}, ${b} ${c.bestResponse.second}`;
  return `progression date: ${a} ${dash(c.progression.first)}, ${b} ${dash(c.progression.second)}`;
}

export function statusWords(status: DoubleReadStatus): string {
  switch (status.kind) {
    case 'waiting': {
      const done = status.complete.length > 0 ? `signed off by ${status.complete.join(', ')}` : 'no read signed off yet';
      const going = status.started.length > 0 ? `; under way: ${status.started.join(', ')}` : '';
      return `Waiting for two signed-off reads (${done}${going})`;
    }
    case 'concordant':
      return `Concordant: ${status.comparison.readers.join(' and ')} agree (best response ${status.comparison.bestResponse.first})`;
    case 'discordant':
      return `Discordant at ${discordanceWords(status.comparison)}: to adjudicate`;
    case 'adjudicated':
      return `Adjudicated: ${status.adjudication.chosenReader}'s read chosen by ${status.adjudication.adjudicator}`;
  }
}
