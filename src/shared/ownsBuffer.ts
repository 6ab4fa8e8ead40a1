// Whether a typed array is the whole of its buffer. Such an array can be handed on as it is (transferred to another
// thread, kept after the memory it was read from is freed or reused); a view into a larger buffer is copied first.
export const ownsBuffer = (array: ArrayBufferView): boolean =>
  array.byteOffset === 0 && array.byteLength === array.buffer.byteLength;
