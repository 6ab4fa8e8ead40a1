// What the left mouse button does in a viewport: window/level (the default) or one of the measuring tools.
import type { MeasurementTool } from '../tracking/types';

export type ViewerTool = 'windowLevel' | MeasurementTool;

export const isMeasuringTool = (tool: ViewerTool): tool is MeasurementTool => tool !== 'windowLevel';

/** Choosing the tool already in use (its key or button again) goes back to window/level. */
export const toolAfterChoosing = (current: ViewerTool, chosen: ViewerTool): ViewerTool =>
  chosen === current && isMeasuringTool(chosen) ? 'windowLevel' : chosen;
