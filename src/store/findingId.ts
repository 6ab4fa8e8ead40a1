/** The key of a lesion's finding at one time point: one finding per lesion per study (tracking/types.ts). */
export const findingId = (lesionId: string, studyInstanceUid: string): string => `${lesionId}|${studyInstanceUid}`;
