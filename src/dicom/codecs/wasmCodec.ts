// Loading and calling the Emscripten-built codecs (OpenJPEG, CharLS, libjpeg-turbo) the same way in Node and in a
// browser worker.
import { ownsBuffer } from '../../shared/ownsBuffer';
import { ok, type Result } from '../../shared/result';
import { corrupt, describeThrown, type CodecError } from './codecError';

/**
 * Node (Vitest, the CLI under tsx) loads the packages' CommonJS glue natively, and the glue reads its .wasm beside
 * itself with fs. A browser worker has no such directory: it must be told the URL Vite gave the .wasm asset.
 */
const runsInNode = typeof globalThis.process?.versions?.node === 'string';

/**
 * Where Vite put a codec's .wasm: a dynamic `import('pkg/x.wasm?url')`, so that plain Node, which cannot resolve
 * Vite's `?url` suffix, never evaluates it.
 */
export type WasmUrl = () => Promise<{ default: string }>;

/** A codec's WASM module, instantiated on first use and then shared by every decode in this thread. */
export interface LazyWasmCodec<M> {
  readonly load: () => Promise<M>;
  /** What the module wrote to stderr since the last call: the detail of a failed decode. */
  readonly takeMessages: () => string[];
  /** Forgets the module, so the next `load()` instantiates a fresh one. */
  readonly discard: () => void;
}

export function lazyWasmCodec<M>(
  factory: (options: EmscriptenCodecOptions) => Promise<M>,
  wasmUrl: WasmUrl,
): LazyWasmCodec<M> {
  let loading: Promise<M> | undefined;
  let messages: string[] = [];
  const instantiate = async (): Promise<M> => {
    const url = runsInNode ? undefined : (await wasmUrl()).default;
    return factory({
      // OpenJPEG logs [INFO] lines on every decode; only errors are worth keeping, as the detail of a failure.
      print: () => undefined,
      printErr: (text) => void messages.push(text),
      ...(url === undefined ? {} : { locateFile: () => url }),
    });
  };
  return {
    load: () => {
      loading ??= instantiate().catch((thrown: unknown) => {
        loading = undefined; // a failed fetch of the .wasm may succeed next time
        throw thrown;
      });
      return loading;
    },
    discard: () => void (loading = undefined),
    takeMessages: () => {
      const taken = messages;
      messages = [];
      return taken;
    },
  };
}

export interface WasmDecoded {
  readonly frameInfo: ReturnType<EmscriptenFrameDecoder['getFrameInfo']>;
  /** In JS memory of its own: the decoder's buffer dies with it. */
  readonly bytes: Uint8Array;
}

/** The frame info and the pixels out of the module's memory; what most codecs need after `decode()`. */
export function readDecoded(decoder: EmscriptenFrameDecoder): WasmDecoded {
  const pixels = decoder.getDecodedBuffer(); // a Uint8ClampedArray at run time, whatever the typings say
  return { frameInfo: decoder.getFrameInfo(), bytes: ownBytes(pixels) };
}

/**
 * The @cornerstonejs builds hand back a copy already (an array with a buffer of its own, made in JS): taken as it
 * is, since a second copy of a 512 x 512 frame costs about as much as the glue around the decode. A view into the
 * module's memory (another build) is copied, as that memory is freed or reused with the decoder.
 */
export function ownBytes(pixels: Uint8Array | Uint8ClampedArray): Uint8Array {
  const view = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length);
  return ownsBuffer(pixels) ? view : view.slice();
}

/** One frame through a fresh decoder instance, which is always freed; foreign throws become CORRUPT_PIXEL_DATA. */
export function runWasmDecoder<D extends EmscriptenFrameDecoder, T>(
  codec: LazyWasmCodec<unknown>,
  decoder: D,
  frame: Uint8Array,
  read: (decoder: D) => T,
): Result<T, CodecError> {
  codec.takeMessages(); // drop what an earlier frame left
  let aborted = false;
  try {
    decoder.getEncodedBuffer(frame.length).set(frame);
    decoder.decode();
    return ok(read(decoder));
  } catch (thrown) {
    // An Emscripten abort (trap, out of memory) leaves the module unusable: the next frame gets a fresh one.
    aborted = thrown instanceof WebAssembly.RuntimeError;
    if (aborted) codec.discard();
    return corrupt([describeThrown(thrown), ...codec.takeMessages()].join('; '));
  } finally {
    if (!aborted) decoder.delete();
  }
}
