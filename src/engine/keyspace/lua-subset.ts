// The part of Lua that PSYNC Lab runs for EVAL: a sequence of `redis.call(…)` / `redis.pcall(…)`
// statements (separated by blanks, newlines or `;`), then an optional final `return <expr>`.
//   expr := 'str' | "str" | [[str]] | number | -number | KEYS[n] | ARGV[n] | nil | true | false
//         | redis.call(expr, …) | redis.pcall(expr, …) | { expr, … } | {ok=expr} | {err=expr}
// Comments (`-- …`, `--[[ … ]]`) are skipped. Anything else (local, if, loops, operators) is
// refused with LuaSubsetError, which eval.ts turns into an honest lab-specific error.
// Lines are counted so script errors can say `on @user_script:<line>` as Redis does.

export type LuaExpr =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'keys' | 'argv'; i: number }
  | { k: 'call'; pcall: boolean; args: LuaExpr[]; line: number }
  | { k: 'nil' }
  | { k: 'bool'; v: boolean }
  | { k: 'table'; items: LuaExpr[] }
  | { k: 'status'; field: 'ok' | 'err'; v: LuaExpr };

export interface LuaScript {
  calls: Extract<LuaExpr, { k: 'call' }>[];
  ret: LuaExpr | null;
}

export class LuaSubsetError {
  constructor(
    readonly line: number,
    readonly near: string,
  ) {}
}

type Tok =
  | { t: 'name'; v: string; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'num'; v: number; line: number }
  | { t: 'sym'; v: string; line: number }
  | { t: 'eof'; v: '<eof>'; line: number };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  const bad = (near: string) => new LuaSubsetError(line, near);
  const longBracket = (): string | null => {
    const m = /^\[(=*)\[/.exec(src.slice(i));
    if (!m) return null;
    const close = `]${m[1]}]`;
    const end = src.indexOf(close, i + m[0].length);
    if (end < 0) throw bad('<eof>');
    let body = src.slice(i + m[0].length, end);
    if (body.startsWith('\n')) body = body.slice(1);
    line += (src.slice(i, end).match(/\n/g) ?? []).length;
    i = end + close.length;
    return body;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\n') {
      line++;
      i++;
    } else if (/\s/.test(ch)) i++;
    else if (src.startsWith('--', i)) {
      i += 2;
      if (longBracket() === null) while (i < src.length && src[i] !== '\n') i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'name', v: m[0], line });
      i += m[0].length;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), line });
      i += m[0].length;
    } else if (ch === '"' || ch === "'") {
      const start = line;
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw bad('<eof>');
        const c = src[i++];
        if (c === ch) break;
        if (c !== '\\') {
          s += c;
          continue;
        }
        const e = src[i++];
        if (e in ESCAPES) s += ESCAPES[e];
        else if (/[0-9]/.test(e)) {
          const m = /^[0-9]{1,3}/.exec(src.slice(i - 1))!;
          s += String.fromCharCode(Number(m[0]));
          i += m[0].length - 1;
        } else if (e === '\n') {
          s += '\n';
          line++;
        } else s += e;
      }
      out.push({ t: 'str', v: s, line: start });
    } else if (ch === '[' && /^\[=*\[/.test(src.slice(i))) {
      const start = line;
      out.push({ t: 'str', v: longBracket()!, line: start });
    } else if ('()[]{},;.=-'.includes(ch)) {
      out.push({ t: 'sym', v: ch, line });
      i++;
    } else throw bad(ch);
  }
  out.push({ t: 'eof', v: '<eof>', line });
  return out;
}

/** Parse a script of the supported shape, or throw LuaSubsetError at the first thing outside it. */
export function parseLuaSubset(src: string): LuaScript {
  const toks = tokenize(src);
  let p = 0;
  const peek = (o = 0) => toks[Math.min(p + o, toks.length - 1)];
  const fail = (t: Tok = peek()): never => {
    throw new LuaSubsetError(t.line, String(t.v));
  };
  const expectSym = (v: string) => {
    const t = peek();
    if (t.t !== 'sym' || t.v !== v) fail(t);
    p++;
  };
  const isSym = (v: string, o = 0) => peek(o).t === 'sym' && peek(o).v === v;
  const isName = (v: string, o = 0) => peek(o).t === 'name' && peek(o).v === v;

  const call = (): Extract<LuaExpr, { k: 'call' }> => {
    const start = peek();
    if (!isName('redis') || !isSym('.', 1) || !(isName('call', 2) || isName('pcall', 2))) fail(start);
    const pcall = peek(2).v === 'pcall';
    p += 3;
    expectSym('(');
    const args: LuaExpr[] = [];
    if (!isSym(')')) {
      args.push(expr());
      while (isSym(',')) {
        p++;
        args.push(expr());
      }
    }
    expectSym(')');
    return { k: 'call', pcall, args, line: start.line };
  };

  const expr = (): LuaExpr => {
    const t = peek();
    if (t.t === 'str') {
      p++;
      return { k: 'str', v: t.v };
    }
    if (t.t === 'num') {
      p++;
      return { k: 'num', v: t.v };
    }
    if (isSym('-') && peek(1).t === 'num') {
      p += 2;
      return { k: 'num', v: -(peek(-1).v as number) };
    }
    if (isSym('{')) return table();
    if (t.t !== 'name') return fail(t);
    if (t.v === 'nil') {
      p++;
      return { k: 'nil' };
    }
    if (t.v === 'true' || t.v === 'false') {
      p++;
      return { k: 'bool', v: t.v === 'true' };
    }
    if ((t.v === 'KEYS' || t.v === 'ARGV') && isSym('[', 1) && peek(2).t === 'num' && isSym(']', 3)) {
      const i = peek(2).v as number;
      p += 4;
      return { k: t.v === 'KEYS' ? 'keys' : 'argv', i };
    }
    return call();
  };

  const table = (): LuaExpr => {
    expectSym('{');
    if ((isName('ok') || isName('err')) && isSym('=', 1)) {
      const field = peek().v as 'ok' | 'err';
      p += 2;
      const v = expr();
      if (isSym(',') || isSym(';')) p++;
      expectSym('}');
      return { k: 'status', field, v };
    }
    const items: LuaExpr[] = [];
    while (!isSym('}')) {
      items.push(expr());
      if (isSym(',') || isSym(';')) p++;
      else break;
    }
    expectSym('}');
    return { k: 'table', items };
  };

  const calls: LuaScript['calls'] = [];
  let ret: LuaExpr | null = null;
  for (;;) {
    while (isSym(';')) p++;
    if (peek().t === 'eof') break;
    if (isName('return')) {
      p++;
      if (peek().t !== 'eof' && !isSym(';')) ret = expr();
      while (isSym(';')) p++;
      if (peek().t !== 'eof') fail();
      break;
    }
    calls.push(call());
  }
  return { calls, ret };
}
