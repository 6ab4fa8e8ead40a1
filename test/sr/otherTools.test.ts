// An SR another tool wrote: dcmjs's Cornerstone adapter (what OHIF's legacy viewer saves) makes a TID 1500 report
// of a bidirectional and a length measurement; we read its groups, lengths, polylines and images.
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { readMeasurementReport } from '../../src/sr';

interface DcmjsWriter {
  adapters: { Cornerstone: { MeasurementReport: { generateReport(toolState: unknown, metadata: { get(type: string, imageId: string): unknown }): { dataset: Record<string, unknown> } } } };
  data: { datasetToBuffer(dataset: Record<string, unknown>): ArrayBuffer };
}
const writer = dcmjs as unknown as DcmjsWriter;

const STUDY = '2.25.1001';
const SERIES = '2.25.1002';
const CT = '1.2.840.10008.5.1.4.1.1.2';
const metadata = {
  get(type: string, imageId: string): unknown {
    if (type === 'generalSeriesModule') return { studyInstanceUID: STUDY, seriesInstanceUID: SERIES };
    if (type === 'sopCommonModule') return { sopClassUID: CT, sopInstanceUID: imageId.replace('image:', '') };
    if (type === 'frameNumber') return 1;
    return undefined;
  },
};

describe('an SR dcmjs wrote', () => {
  const report = writer.adapters.Cornerstone.MeasurementReport.generateReport({
    'image:2.25.2001': {
      Bidirectional: {
        data: [{
          handles: { start: { x: 10, y: 20 }, end: { x: 40, y: 20 }, perpendicularStart: { x: 25, y: 12 }, perpendicularEnd: { x: 25, y: 28 } },
          longestDiameter: 45, shortestDiameter: 24,
          findingSites: [{ CodeValue: '10200004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Liver' }],
        }],
      },
    },
    'image:2.25.2002': { Length: { data: [{ handles: { start: { x: 5, y: 5 }, end: { x: 5, y: 25 } }, length: 30 }] } },
  }, metadata);
  const bytes = new Uint8Array(writer.data.datasetToBuffer(report.dataset));

  it('reads each measurement group as a lesion with its lengths, polylines and image', () => {
    const read = readMeasurementReport(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.studyInstanceUid).toBe(STUDY);
    expect(read.value.responses).toBeUndefined();
    const [bidirectional, length] = read.value.lesions;
    expect(read.value.lesions).toHaveLength(2);
    expect(bidirectional).toMatchObject({
      label: 'cornerstoneTools@^4.0.0:Bidirectional', organ: 'liver', category: 'target', state: 'measured',
      measurements: [{
        tool: 'bidirectional',
        longAxis: { mm: 45, segment: { start: { x: 10, y: 20 }, end: { x: 40, y: 20 } } },
        shortAxis: { mm: 24, segment: { start: { x: 25, y: 12 }, end: { x: 25, y: 28 } } },
        image: { sopInstanceUid: '2.25.2001', sopClassUid: CT, seriesInstanceUid: SERIES, studyInstanceUid: STUDY, frameNumber: 1 },
      }],
    });
    expect(length).toMatchObject({ organ: 'other', measurements: [{ tool: 'long-axis', longAxis: { mm: 30, segment: { start: { x: 5, y: 5 }, end: { x: 5, y: 25 } } } }] });
    expect(length?.trackingUid).not.toBe(bidirectional?.trackingUid);
  });
});
