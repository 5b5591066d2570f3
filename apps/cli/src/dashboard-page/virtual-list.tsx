import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { visibleRange } from './fleet-rows.js';

/**
 * Renders only the rows in view (plus a few either side) inside a spacer as tall as all rows, so
 * 1000 agents cost the DOM of about forty. Rows have one fixed height.
 */
export function VirtualList<T>(props: { items: readonly T[]; rowHeight: number; render: (item: T, top: number) => ComponentChildren }) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);
  useEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const resize = new ResizeObserver(() => setHeight(element.clientHeight));
    resize.observe(element);
    setHeight(element.clientHeight);
    return () => resize.disconnect();
  }, []);
  const [first, last] = visibleRange(scrollTop, height, props.rowHeight, props.items.length);
  const shown = props.items.slice(first, last);
  return (
    <div class="viewport" id="fleet" ref={viewport} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-rows={props.items.length}>
      <div class="spacer" style={{ height: `${props.items.length * props.rowHeight}px` }}>
        {shown.map((item, i) => props.render(item, (first + i) * props.rowHeight))}
      </div>
    </div>
  );
}
