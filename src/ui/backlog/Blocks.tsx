// Redis 7.0's replication buffer: one list of blocks (~20 KB each) under an offset ruler. The
// backlog bracket runs from first_byte_offset to master_repl_offset; a marker shows
// master_repl_offset − repl-backlog-size (the configured target); replicas' send cursors pin blocks.
import type { BacklogView } from '../../engine/index.ts';
import { nodeColor } from '../cluster/lineage.ts';
import { num } from '../format.ts';
import { useTable } from '../hooks.ts';
import { BACKLOG_TEXT } from './text.ts';

export function Blocks(props: {
  backlog: BacklogView;
  pin: number | null;
  cursors: { name: string; pos: number }[];
}) {
  const bx = useTable(BACKLOG_TEXT);
  const b = props.backlog;
  if (!b.active || b.blocks.length === 0) return <p className="dim">{bx('noBlocks')}</p>;
  const lo = b.blocks[0].start;
  const last = b.blocks[b.blocks.length - 1];
  const hi = Math.max(last.start + last.size, b.masterReplOffset + 1);
  const x = (off: number) => `${(((off - lo) / (hi - lo)) * 100).toFixed(3)}%`;
  const target = b.masterReplOffset - b.size + 1;
  return (
    <div className="blocks" role="img" aria-label={bx('blocksAria', { n: b.blocks.length })}>
      <div className="bk-row">
        {b.blocks.map((k) => (
          <div
            key={k.start}
            className={`bk ${k.start + k.used <= b.firstByteOffset ? 'gone' : ''}`}
            style={{ left: x(k.start), width: `calc(${x(k.start + k.size)} - ${x(k.start)})` }}
            title={`block @${k.start}: ${k.used}/${k.size}`}
          >
            <div className="bk-used" style={{ width: `${(k.used / k.size) * 100}%` }} />
            <span className="bk-label mono">@{num(k.start)}</span>
          </div>
        ))}
      </div>
      <div
        className="bk-bracket"
        style={{
          left: x(b.firstByteOffset),
          width: `calc(${x(b.masterReplOffset + 1)} - ${x(b.firstByteOffset)})`,
        }}
      >
        <span className="mono">
          backlog [{num(b.firstByteOffset)} … {num(b.masterReplOffset)}]
        </span>
      </div>
      {target > lo && (
        <div className="bk-target" style={{ left: x(target) }} title="master_repl_offset − repl-backlog-size">
          <span className="mono">−size</span>
        </div>
      )}
      {props.cursors.map((c) => (
        <div key={c.name} className="bk-cursor" style={{ left: x(c.pos), borderColor: nodeColor(c.name) }}>
          <span style={{ background: nodeColor(c.name) }}>{c.name}</span>
        </div>
      ))}
      {props.pin !== null && props.pin >= lo && (
        <div
          className={`bk-pin ${props.pin >= b.firstByteOffset && props.pin <= b.masterReplOffset + 1 ? 'in' : 'out'}`}
          style={{ left: x(Math.min(props.pin, hi)) }}
        >
          <span className="mono">P</span>
        </div>
      )}
    </div>
  );
}
