// daikon 1.2 ships no types: only the part the parse bench calls.
declare module 'daikon' {
  interface DaikonImage {
    getPixelDataBytes(): ArrayBuffer;
    getPixelRepresentation(): number;
  }
  const daikon: {
    Series: { parseImage(data: DataView): DaikonImage | null; parserError?: unknown };
  };
  export default daikon;
}
