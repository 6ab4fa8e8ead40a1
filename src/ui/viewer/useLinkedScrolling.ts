// Linked scrolling between the panes of a ComparisonViewer. The link itself is pure (viewer/sliceLink.ts); this
// hook keeps it in a ref and moves the other panes through their handles, so a linked scroll re-renders only the
// panes whose slice changes.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CtSeries } from '../../dicom/ctSeries';
import { commonSlicePositionsMm, createSliceLink, followingIndex, nearestSliceIndex, type LinkedStack, type SliceLink } from '../../viewer/sliceLink';
import type { SeriesViewerHandle } from './SeriesViewer';

export interface LinkedScrolling {
  readonly linked: boolean;
  readonly toggle: () => void;
  /** Call when the user scrolled pane `key` to `index`. */
  readonly onUserScroll: (key: string, index: number) => void;
  /** While linked, takes the panes' current slices as the new offset (after panes were moved on purpose, e.g. reveal). */
  readonly renew: () => void;
}

export function useLinkedScrolling(
  panes: readonly { readonly key: string; readonly series: CtSeries }[],
  handles: RefObject<Map<string, SeriesViewerHandle>>,
): LinkedScrolling {
  // On from the start: at a follow-up the reader compares the same anatomy, so the panes scroll together (L unlinks).
  const [linked, setLinked] = useState(true);
  const link = useRef<SliceLink | undefined>(undefined);

  // Recomputed only when the panes' series change, not when the caller passes a new but equal array.
  const identity = panes.map((p) => `${p.key}\u0000${p.series.seriesInstanceUid}`).join('\u0001');
  const stacks = useMemo(() => {
    const positions = commonSlicePositionsMm(panes.map((p) => p.series.slices));
    return new Map<string, LinkedStack>(panes.map((p, i) => [p.key, { count: p.series.slices.length, positionsMm: positions?.[i] }]));
  }, [identity]);
  const latestStacks = useRef(stacks);
  latestStacks.current = stacks;

  const linkNow = () => {
    const current = new Map<string, { stack: LinkedStack; index: number }>();
    for (const [key, stack] of latestStacks.current) {
      current.set(key, { stack, index: handles.current.get(key)?.currentIndex() ?? 0 });
    }
    link.current = createSliceLink(current);
  };

  // A pane that arrives while linked (another follow-up chosen) joins at the same position as the first linked
  // pane (no offset), then the link is renewed with everyone where they are.
  useEffect(() => {
    const current = link.current;
    if (!current) {
      // Not yet linked while the reader wants it: the first panes link where they opened.
      if (linked && stacks.size > 0) linkNow();
      return;
    }
    const newcomers = [...stacks.keys()].filter((key) => !current.anchors.has(key));
    if (newcomers.length === 0) return;
    const sourceKey = [...stacks.keys()].find((key) => current.anchors.has(key));
    const source = sourceKey !== undefined ? stacks.get(sourceKey) : undefined;
    const sourceIndex = sourceKey !== undefined ? handles.current.get(sourceKey)?.currentIndex() : undefined;
    for (const key of newcomers) {
      const target = stacks.get(key);
      if (!source || !target || sourceIndex === undefined) continue;
      const sourceMm = source.positionsMm?.[sourceIndex];
      const index = sourceMm !== undefined && target.positionsMm ? nearestSliceIndex(target.positionsMm, sourceMm) : sourceIndex;
      handles.current.get(key)?.showSlice(index);
    }
    linkNow();
  }, [stacks]);

  return {
    linked,
    toggle() {
      if (link.current) link.current = undefined;
      else linkNow();
      setLinked(link.current !== undefined);
    },
    renew() {
      if (link.current) linkNow();
    },
    onUserScroll(key, index) {
      const current = link.current;
      const source = latestStacks.current.get(key);
      if (!current || !source) return;
      for (const [otherKey, stack] of latestStacks.current) {
        if (otherKey === key) continue;
        const next = followingIndex(current, { key, stack: source, index }, { key: otherKey, stack });
        if (next !== undefined) handles.current.get(otherKey)?.showSlice(next);
      }
    },
  };
}
