// Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, one tab in the tab order.
import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: ReactNode;
}

export function Tabs<K extends string>(props: {
  label: string;
  tabs: TabDef<K>[];
  active: K;
  onSelect: (k: K) => void;
  children: ReactNode;
  className?: string;
  extra?: ReactNode;
}) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const list = useRef<HTMLDivElement>(null);
  // The tab list scrolls sideways when narrow (a phone, presenter mode): bring the active tab into
  // it when "follow events" or a key switches tabs, or the open panel's tab stays out of sight.
  // scrollLeft only: scrollIntoView would also scroll the page to the panel.
  useEffect(() => {
    const el = list.current;
    const tab = refs.current.get(props.active);
    if (el && tab)
      el.scrollLeft = scrollToShow(el.scrollLeft, el.clientWidth, tab.offsetLeft, tab.offsetWidth);
  }, [props.active]);
  const keys = props.tabs.map((t) => t.key);
  const move = (from: K, d: number) => {
    const i = (keys.indexOf(from) + d + keys.length) % keys.length;
    props.onSelect(keys[i]);
    refs.current.get(keys[i])?.focus();
  };
  return (
    <div className={`tabs ${props.className ?? ''}`}>
      <div className="tab-row">
        <div role="tablist" aria-label={props.label} ref={list}>
          {props.tabs.map((tab) => (
            <button
              key={tab.key}
              ref={(el) => {
                if (el) refs.current.set(tab.key, el);
              }}
              type="button"
              role="tab"
              id={`${id}-${tab.key}`}
              aria-selected={tab.key === props.active}
              aria-controls={`${id}-panel`}
              tabIndex={tab.key === props.active ? 0 : -1}
              onClick={() => props.onSelect(tab.key)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight') move(tab.key, 1);
                else if (e.key === 'ArrowLeft') move(tab.key, -1);
                else return;
                e.preventDefault();
                e.stopPropagation();
              }}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {props.extra}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-${props.active}`}
        className="tab-panel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the panel scrolls; the WAI-ARIA tabs pattern makes it focusable
        tabIndex={0}
      >
        {props.children}
      </div>
    </div>
  );
}

/** The scrollLeft that shows [left, left + width) in a box `view` wide scrolled to `scroll`: unchanged
 * when it is in view, else the least move (tab at 700–760 in a 600 box at 0 → 160). */
export function scrollToShow(scroll: number, view: number, left: number, width: number): number {
  if (left < scroll) return left;
  if (left + width > scroll + view) return Math.min(left, left + width - view);
  return scroll;
}
