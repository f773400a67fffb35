// The RESP transcript of one link, in step with the animation: rows appear when a message is
// sent, are marked "on the wire" until delivered (or lost to a cut). Rows render when messages
// arrive; the per-frame marking is done on the DOM, like the message layer.
import { useEffect, useMemo, useRef } from 'react';
import { displayTime, onDisplayTime } from '../../store/clock.ts';
import type { MsgRec } from '../../store/history.ts';
import { useLab } from '../../store/store.ts';
import { kindClass } from '../cluster/message-geometry.ts';
import { secs } from '../format.ts';
import { useT } from '../hooks.ts';
import { messageNote } from './notes.ts';

const ROWS = 150;

function rowState(m: MsgRec, t: number): 'wire' | 'done' | 'lost' {
  if (m.droppedAt !== null && m.droppedAt <= t) return 'lost';
  return m.deliverAt > t ? 'wire' : 'done';
}

export function Transcript({ replica, master }: { replica: string; master: string }) {
  const t = useT();
  const rev = useLab((s) => s.rev.messages);
  const list = useRef<HTMLOListElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev stands for the message list
  const rows = useMemo(() => {
    const out: MsgRec[] = [];
    const ms = useLab.getState().hist.messages;
    for (let i = ms.length - 1; i >= 0 && out.length < ROWS; i--) {
      const m = ms[i];
      if ((m.from === replica && m.to === master) || (m.from === master && m.to === replica)) out.push(m);
    }
    return out.reverse();
  }, [replica, master, rev]);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const mark = () => {
      const now = displayTime();
      const items = el.children;
      for (let i = Math.max(0, items.length - 40); i < items.length; i++) {
        const li = items[i] as HTMLElement;
        const m = rows[i];
        if (m) li.dataset.state = rowState(m, now);
      }
    };
    mark();
    el.scrollTop = el.scrollHeight;
    return onDisplayTime(mark);
  }, [rows]);

  if (rows.length === 0) return <p className="dim">{t('transcript.empty')}</p>;
  return (
    <ol className="transcript mono" ref={list} aria-label={t('transcript.title', { replica, master })}>
      {rows.map((m) => {
        const note = messageNote(m.kind, m.label);
        return (
          <li key={m.id} data-state="done">
            <button
              type="button"
              className={`tr-row kind-${kindClass(m.kind)}`}
              onClick={() => useLab.setState({ resp: m.id, playing: false })}
              aria-label={t('transcript.rowAria', { label: m.label, from: m.from, to: m.to, bytes: m.bytes })}
            >
              <span className="tr-t">{secs(m.sentAt)}</span>
              <span className="tr-dir">
                {m.from === replica ? `${replica}→${master}` : `${master}→${replica}`}
              </span>
              <span className="tr-label">{m.label}</span>
              <span className="tr-b">{m.bytes} B</span>
            </button>
            {note && <p className="tr-note">{t(note.key, note.vars)}</p>}
          </li>
        );
      })}
    </ol>
  );
}
