import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enableDrawingOnDemand } from '../../src/viewer/drawOnDemand';

/** The browser's animation frames, run by hand. */
function frames() {
  const pending = new Map<number, FrameRequestCallback>();
  let next = 1;
  const schedule = (callback: FrameRequestCallback) => {
    pending.set(next, callback);
    return next++;
  };
  return {
    window: {
      requestAnimationFrame: schedule,
      cancelAnimationFrame: (id: number) => void pending.delete(id),
      webkitRequestAnimationFrame: schedule,
    },
    get scheduled() {
      return pending.size;
    },
    runFrame(time: number) {
      const due = [...pending.values()];
      pending.clear();
      for (const callback of due) callback(time);
    },
  };
}

/**
 * What cornerstone-core's enable() does: draw now, and draw again every frame for as long as it is enabled, through
 * its polyfill, which falls back to a prefixed version when the standard one returns a falsy id.
 */
function cornerstoneLikeEnable(draws: number[]) {
  return () => {
    const draw = (time: number) => {
      draws.push(time);
      const prefixed = (window as unknown as { webkitRequestAnimationFrame: (callback: FrameRequestCallback) => number }).webkitRequestAnimationFrame;
      return window.requestAnimationFrame(draw) || prefixed(draw);
    };
    draw(0);
  };
}

describe('cornerstone drawing only when asked', () => {
  let browser: ReturnType<typeof frames>;
  beforeEach(() => {
    browser = frames();
    vi.stubGlobal('window', browser.window);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('enabling draws once and starts no loop', () => {
    const draws: number[] = [];
    enableDrawingOnDemand(cornerstoneLikeEnable(draws));
    expect(draws).toEqual([0]);
    expect(browser.scheduled).toBe(0);
  });

  it('a request draws once in the next frame, however often it was asked; the draw asks for no further frame', () => {
    const draws: number[] = [];
    const drawing = enableDrawingOnDemand(cornerstoneLikeEnable(draws));
    drawing.request();
    drawing.request();
    expect(browser.scheduled).toBe(1);
    browser.runFrame(16);
    expect(draws).toEqual([0, 16]);
    expect(browser.scheduled).toBe(0);
    browser.runFrame(33);
    expect(draws).toEqual([0, 16]);
    drawing.request();
    browser.runFrame(50);
    expect(draws).toEqual([0, 16, 50]);
  });

  it('now draws at once, in the caller\'s task, and starts no loop', () => {
    const draws: number[] = [];
    const drawing = enableDrawingOnDemand(cornerstoneLikeEnable(draws));
    drawing.now();
    expect(draws).toHaveLength(2);
    expect(browser.scheduled).toBe(0);
  });

  it('the page keeps its own requestAnimationFrame', () => {
    const { requestAnimationFrame } = browser.window;
    const drawing = enableDrawingOnDemand(cornerstoneLikeEnable([]));
    drawing.request();
    browser.runFrame(16);
    expect(window.requestAnimationFrame).toBe(requestAnimationFrame);
  });

  it('stop cancels a pending draw and ends drawing', () => {
    const draws: number[] = [];
    const drawing = enableDrawingOnDemand(cornerstoneLikeEnable(draws));
    drawing.request();
    drawing.stop();
    expect(browser.scheduled).toBe(0);
    drawing.request();
    browser.runFrame(16);
    expect(draws).toEqual([0]);
  });
});
