// A redis-cli-style console per node: prompt, history (↑/↓), replies as redis-cli prints them.
// What was typed and answered lives in the run's history (so it rewinds with time); lines that
// never reached the engine (Invalid argument(s), help) are kept here.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LabInput } from '../../engine/index.ts';
import type { MsgKey } from '../../i18n/index.ts';
import { ctl } from '../../store/instance.ts';
import { useLab } from '../../store/store.ts';
import { useT } from '../hooks.ts';
import { inputNode, inputWords } from './describe.ts';
import { LAB_COMMANDS } from './lab-commands.ts';
import { consoleLine } from './line.ts';
import { consoleCards } from './why.ts';

interface Line {
  at: number;
  order: number;
  kind: 'cmd' | 'local' | 'action';
  input?: string;
  reply: string;
  /** Why cards for a surprising reply (catalog keys why.<card>.*). */
  cards?: string[];
}

/** Per-node typed history and local lines, kept across re-renders and selections. */
const typed = new Map<string, string[]>();
const local = new Map<string, Line[]>();
let localOrder = 0;

function quoteArg(a: string): string {
  return /^[^\s"'\\]+$/.test(a) ? a : JSON.stringify(a);
}

/** A line that never reached the engine, ordered just after the last event the page has seen. */
function addLocal(node: string, at: number, input: string | undefined, reply: string): void {
  const h = useLab.getState().hist;
  const lastSeq = Math.max(
    h.consoles[h.consoles.length - 1]?.seq ?? 0,
    h.actions[h.actions.length - 1]?.seq ?? 0,
  );
  const list = local.get(node) ?? [];
  list.push({ at, order: lastSeq + 0.5 + (localOrder++ % 1000) / 1e4, kind: 'local', input, reply });
  local.set(node, list.slice(-100));
}

/** A recorded action shown in this node's console (commands come as console lines instead). */
function touches(input: LabInput, node: string): boolean {
  return input.type !== 'command' && inputNode(input) === node;
}

export function Console({ name }: { name: string }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const port = useLab((s) => s.views[name]?.port ?? 0);
  const down = useLab((s) => s.views[name]?.run === 'down');
  const revC = useLab((s) => s.rev.consoles);
  const revA = useLab((s) => s.rev.actions);
  const [localRev, setLocalRev] = useState(0);
  const [text, setText] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const [cleared, setCleared] = useState(0);
  const out = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the revisions stand for the history lists
  const { all, shown: lines } = useMemo(() => {
    const h = useLab.getState().hist;
    const all: Line[] = [];
    const expiredAt = new Set(h.expiredReads.filter((e) => e.node === name).map((e) => e.at));
    for (const c of h.consoles)
      if (c.node === name)
        all.push({
          at: c.at,
          order: c.seq,
          kind: 'cmd',
          input: c.argv.map(quoteArg).join(' '),
          reply: c.reply,
          cards: consoleCards(c.argv, c.reply, { expiredRead: expiredAt.has(c.at) }),
        });
    for (const a of h.actions)
      if (touches(a.input, name))
        all.push({ at: a.at, order: a.seq, kind: 'action', reply: inputWords(a.input, lang) });
    const now = useLab.getState().t;
    for (const l of local.get(name) ?? []) if (l.at <= now) all.push(l);
    all.sort((a, b) => a.at - b.at || a.order - b.order);
    // `clear` hides what was there; going back in time past it shows everything again.
    return { all, shown: all.slice(all.length >= cleared ? cleared : 0).slice(-200) };
  }, [name, revC, revA, localRev, cleared, lang]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the end when the lines change
  useEffect(() => {
    const el = out.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const prompt = down ? 'not connected>' : `127.0.0.1:${port}>`;

  const submit = async () => {
    const line = text;
    setText('');
    setCursor(null);
    if (line.trim() === '') return;
    const hist = typed.get(name) ?? [];
    if (hist[hist.length - 1] !== line) hist.push(line);
    typed.set(name, hist.slice(-100));
    const now = useLab.getState().t;
    const a = consoleLine(name, line);
    if (a.kind === 'local') addLocal(name, now, line, a.reply);
    else if (a.kind === 'clear') setCleared(all.length);
    else if (a.kind === 'help')
      addLocal(name, now, line, `${t('console.help')}\n${t('console.labHelp')} ${LAB_COMMANDS.join('  ')}`);
    else if (a.kind === 'input') {
      const r = await ctl().act(a.input);
      if (!r.ok) addLocal(name, useLab.getState().t, line, `(error) ${r.message}`);
      else if (a.lab) addLocal(name, useLab.getState().t, line, 'OK');
    }
    setLocalRev((x) => x + 1);
  };

  const recall = (dir: -1 | 1) => {
    const hist = typed.get(name) ?? [];
    if (hist.length === 0) return;
    const next = cursor === null ? (dir < 0 ? hist.length - 1 : null) : cursor + dir;
    if (next === null || next >= hist.length) {
      setCursor(null);
      setText('');
    } else {
      const k = Math.max(0, next);
      setCursor(k);
      setText(hist[k]);
    }
  };

  return (
    <div className="console">
      <div
        className="console-out mono"
        ref={out}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
        role="log"
        aria-label={t('console.output', { name })}
      >
        {lines.length === 0 && <p className="dim">{t('console.empty')}</p>}
        {lines.map((l) => (
          <div key={`${l.kind}-${l.order}-${l.at}`} className={`cl cl-${l.kind}`}>
            {l.input !== undefined && (
              <div className="cl-in">
                <span className="dim">{prompt}</span> {l.input}
              </div>
            )}
            <pre className={l.reply.startsWith('(error)') || l.reply === 'Invalid argument(s)' ? 'err' : ''}>
              {l.kind === 'action' ? `# ${l.reply}` : l.reply}
            </pre>
            {l.cards?.map((w) => (
              <aside key={w} className="why" aria-label={t('why.title')}>
                <strong>{t(`why.${w}.title` as MsgKey)}</strong>
                <p>{t(`why.${w}.text` as MsgKey)}</p>
              </aside>
            ))}
          </div>
        ))}
      </div>
      <form
        className="console-in"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="mono prompt" htmlFor={`console-${name}`}>
          {prompt}
        </label>
        <input
          id={`console-${name}`}
          className="mono"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-label={t('console.input', { name })}
          placeholder="INFO replication"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp') recall(-1);
            else if (e.key === 'ArrowDown') recall(1);
            else return;
            e.preventDefault();
          }}
        />
      </form>
    </div>
  );
}
