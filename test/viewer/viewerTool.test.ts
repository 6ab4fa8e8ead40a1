import { describe, expect, it } from 'vitest';
import { toolAfterChoosing, type ViewerTool } from '../../src/viewer/viewerTool';

describe('choosing a tool', () => {
  it.each<[ViewerTool, ViewerTool, ViewerTool]>([
    ['windowLevel', 'long-axis', 'long-axis'],
    ['windowLevel', 'bidirectional', 'bidirectional'],
    ['long-axis', 'bidirectional', 'bidirectional'],
    ['long-axis', 'long-axis', 'windowLevel'],
    ['bidirectional', 'bidirectional', 'windowLevel'],
    ['bidirectional', 'windowLevel', 'windowLevel'],
    ['windowLevel', 'windowLevel', 'windowLevel'],
    ['windowLevel', 'oneClick', 'oneClick'],
    ['oneClick', 'oneClick', 'windowLevel'],
    ['oneClick', 'bidirectional', 'bidirectional'],
  ])('%s, then %s: %s', (current, chosen, expected) => expect(toolAfterChoosing(current, chosen)).toBe(expected));
});
