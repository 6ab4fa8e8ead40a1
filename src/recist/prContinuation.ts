// When a target PR "continues" (RECIST-RULES.md, "Continuing PR"; FAQ): once PR is reached, later time points stay
// PR until PD criteria are met, even when the sum drifts above -30 % of baseline. Two limits keep it honest:
// - a target PD ends it: a later PR must be reached again by the sum itself;
// - with confirmation required, PR continues only once it is confirmed, by a later PR or CR at least
//   `confirmDays` on, with nothing worse than NE in between: a continuing PR never confirms itself.
import type { AssessOptions } from './types';

type TargetComponent = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';

export class PrContinuation {
  #reached = false;
  /** Day of the first PR/CR of the present unbroken run (NE does not break it; SD and PD do). */
  #runStart: number | null = null;

  constructor(private readonly options: Pick<AssessOptions, 'confirm' | 'confirmDays'>) {}

  /** Whether the next time point's target PR may continue. */
  get reached(): boolean {
    return this.#reached;
  }

  /** `continuing`: the response was PR only because it continued, not because the sum met -30 %. */
  record(response: TargetComponent, continuing: boolean, daysFromBaseline: number): void {
    switch (response) {
      case 'PD':
        this.#reached = false;
        this.#runStart = null;
        return;
      case 'SD':
        this.#runStart = null;
        return;
      case 'NE':
        return;
      case 'PR':
      case 'CR':
        if (continuing) return;
        if (!this.options.confirm) {
          this.#reached = true;
          return;
        }
        if (this.#runStart === null) this.#runStart = daysFromBaseline;
        else if (daysFromBaseline - this.#runStart >= this.options.confirmDays) this.#reached = true;
        return;
    }
  }
}
