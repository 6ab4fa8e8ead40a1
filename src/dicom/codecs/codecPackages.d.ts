// Types for the parts of the Emscripten-built codec packages we call; they ship no declarations.

/** The Emscripten module options we set (the packages' `moduleArg`). */
interface EmscriptenCodecOptions {
  /** Where the .wasm file is; Node copies find it beside themselves when this is absent. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

/** The decoder shape the three @cornerstonejs codecs share (Embind classes: `delete()` frees the C++ object). */
interface EmscriptenFrameDecoder {
  /** A view into WASM memory, valid until the next call on this decoder. */
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): {
    width: number;
    height: number;
    bitsPerSample: number;
    componentCount: number;
    isSigned?: boolean;
  };
  /** A view into WASM memory, valid until the next call on this decoder. */
  getDecodedBuffer(): Uint8Array;
  delete(): void;
}

declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: (options?: EmscriptenCodecOptions) => Promise<{ J2KDecoder: new () => EmscriptenFrameDecoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  interface JpegLsDecoder extends EmscriptenFrameDecoder {
    /** 0: planes one after another, 1: line interleaved, 2: sample interleaved (as encoded). */
    getInterleaveMode(): number;
    getNearLossless(): number;
  }
  const factory: (options?: EmscriptenCodecOptions) => Promise<{ JpegLSDecoder: new () => JpegLsDecoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: (options?: EmscriptenCodecOptions) => Promise<{ JPEGDecoder: new () => EmscriptenFrameDecoder }>;
  export default factory;
}
