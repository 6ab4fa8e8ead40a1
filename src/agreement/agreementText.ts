// The agreement report in words, as `recist agreement` prints it and the cohort screen downloads it.
import type { AgreementReport } from './agreementReport';
import type { KappaResult } from './cohenKappa';

export const formatPercent = (x: number): string => `${(x * 100).toFixed(1)} %`;
export const formatKappa = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

function kappaLine(name: string, k: KappaResult): string {
  const ci = k.kappa === null ? 'undefined: one label only' : `95 % CI ${formatKappa(k.lower)} to ${formatKappa(k.upper)}, SE ${formatKappa(k.standardError)}`;
  return `${name}: n ${k.n}, agreement ${formatPercent(k.observedAgreement)}, Cohen's kappa ${formatKappa(k.kappa)} (${ci})`;
}

/** `progressionDays`: the window the report was made with (0: the same scan). */
export function agreementText(r: AgreementReport, progressionDays: number): string {
  const lines = [
    `Readers ${r.readers[0]} and ${r.readers[1]}: ${r.patients} patient${r.patients === 1 ? '' : 's'} read by both`,
    kappaLine('Overall response per follow-up', r.timepointResponse),
    ...r.timepointResponseByLabel.map((l) => `  ${kappaLine(l.label, l.agreement)}`),
    kappaLine('Best overall response', r.bestOverallResponse),
    kappaLine('Progression (yes/no)', r.progression),
    `Progression date: both readers call progression in ${r.progressionDate.bothProgressed}; same scan in ${r.progressionDate.sameDate}` +
      (progressionDays > 0 ? `, within ${progressionDays} days in ${r.progressionDate.withinDays}` : ''),
    `Discordant patients: ${r.discordant.length} of ${r.patients}`,
    ...r.discordant.map((c) => {
      const where = c.firstDiscordant
        ? `first at ${c.firstDiscordant.label} (${c.firstDiscordant.scanDate}): ${c.firstDiscordant.first ?? 'not read'} vs ${c.firstDiscordant.second ?? 'not read'}`
        : 'every follow-up agrees';
      return `  ${c.patientId}: ${where}; BOR ${c.bestResponse.first} vs ${c.bestResponse.second}; progression ${c.progression.first ?? 'none'} vs ${c.progression.second ?? 'none'}`;
    }),
    ...(r.readByOneOnly.length > 0 ? [`Read by one reader only (not compared): ${r.readByOneOnly.join(', ')}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The report as `recist agreement --format json` prints it. */
export const agreementJson = (r: AgreementReport): string => `${JSON.stringify(r, null, 2)}\n`;
