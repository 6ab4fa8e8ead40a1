// A titled message with its details: the bias warning, a refused file, a grouping that cannot be made.
import type { Words } from '../../cohort/cohortMessages';

export function WordsPanel({ words, tone, testId }: { readonly words: Words; readonly tone: 'warning' | 'error'; readonly testId: string }) {
  return (
    <div className={`cohort-message cohort-message--${tone}`} role="alert" data-testid={testId}>
      <strong className="cohort-message__title">{words.title}</strong>
      <p>{words.message}</p>
      {words.details.length > 0 && (
        <ul>
          {words.details.map((d) => <li key={d}>{d}</li>)}
        </ul>
      )}
    </div>
  );
}
