// cornerstone-core's enable() starts an animation-frame loop for the element that runs as long as it is enabled and
// draws when something changed. Idle, that loop alone kept the main thread busy 40 ms of every second (two panes,
// headless Chromium on this 2-core machine, CDP Performance.getMetrics TaskDuration), all day in a reading room and
// against the decoding workers while a series loads. Here its draw callback is taken instead of scheduled, and run
// once in the next animation frame only when the adapter changed something (cornerstone has no option for this), or
// at once: a slice asked for by a key press is then on the canvas when the handler returns, where waiting for the
// frame, a key that lands after this frame's callbacks waits a whole frame more.

export interface DrawOnDemand {
  /** Draws in the next animation frame (once however often asked before it). */
  request(): void;
  /** Draws now, in this task (cornerstone draws only what changed since its last draw). */
  now(): void;
  /** Forgets the draw; call it when the element is disabled. */
  stop(): void;
}

/** The id handed back for a taken request: truthy, and no real frame's (those count up from 1). */
const TAKEN = -1;

/** Runs `enable` (cornerstone.enable on one element) keeping its animation-frame loop from starting. */
export function enableDrawingOnDemand(enable: () => void): DrawOnDemand {
  let draw: FrameRequestCallback | undefined;
  let frame = 0;
  // cornerstone's draw asks for the next frame at its end: that request is taken too, so the loop never runs. The id
  // must not be 0: cornerstone's polyfill tries the prefixed versions (webkitRequestAnimationFrame...) after a falsy one.
  const taking = (run: () => void) => {
    const schedule = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => {
      draw = callback;
      return TAKEN;
    };
    try {
      run();
    } finally {
      window.requestAnimationFrame = schedule;
    }
  };
  taking(enable);
  const drawAt = (time: number) => {
    const pending = draw;
    if (pending) taking(() => pending(time));
  };
  return {
    request() {
      if (frame !== 0 || draw === undefined) return;
      frame = window.requestAnimationFrame((time) => {
        frame = 0;
        drawAt(time);
      });
    },
    now: () => drawAt(performance.now()),
    stop() {
      if (frame !== 0) window.cancelAnimationFrame(frame);
      frame = 0;
      draw = undefined;
    },
  };
}
