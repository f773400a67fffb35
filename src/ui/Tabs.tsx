// Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, one tab in the tab order.
import { type ReactNode, useId, useRef } from 'react';

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
  const keys = props.tabs.map((t) => t.key);
  const move = (from: K, d: number) => {
    const i = (keys.indexOf(from) + d + keys.length) % keys.length;
    props.onSelect(keys[i]);
    refs.current.get(keys[i])?.focus();
  };
  return (
    <div className={`tabs ${props.className ?? ''}`}>
      <div className="tab-row">
        <div role="tablist" aria-label={props.label}>
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
