// A small reader of the WebAssembly binary format (MVP + custom sections):
// enough to break a module down by section and by function. No dependency.
//
//   parseWasm(bytes) -> {
//     sections: [{ id, name, offset, size }]   size: the payload, without id and size bytes
//     imports: { functions, globals, memories, tables }
//     functions: [{ index, bodySize, offset }] defined functions, index in the function index space
//     exports: [{ name, kind, index }]
//     names: Map(function index -> name)       from the "name" custom section, when present
//     data: { segments, bytes }                data segments and their total payload
//   }

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount', 'tag'];
const EXPORT_KINDS = ['function', 'table', 'memory', 'global', 'tag'];

class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    this.b = bytes;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw new Error(`wasm: read past the end at ${this.pos}`);
    return this.b[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const x = this.byte();
      result += (x & 0x7f) * 2 ** shift;
      if (!(x & 0x80)) return result;
      shift += 7;
    }
  }
  skipLeb() {
    while (this.byte() & 0x80);
  }
  name() {
    const n = this.u32();
    const s = new TextDecoder().decode(this.b.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
  // Skips a constant expression (init of a global, offset of a segment) up to its `end`.
  skipInitExpr() {
    for (;;) {
      const op = this.byte();
      switch (op) {
        case 0x0b: return;                               // end
        case 0x41: case 0x42: this.skipLeb(); break;     // i32.const, i64.const
        case 0x43: this.pos += 4; break;                 // f32.const
        case 0x44: this.pos += 8; break;                 // f64.const
        case 0x23: case 0xd2: this.u32(); break;          // global.get, ref.func
        case 0xd0: this.byte(); break;                   // ref.null t
        case 0x6a: case 0x6b: case 0x6c: case 0x7c: case 0x7d: case 0x7e: break;  // extended const arithmetic
        default: throw new Error(`wasm: unexpected opcode 0x${op.toString(16)} in a constant expression`);
      }
    }
  }
}

function skipLimits(r) {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}

export function parseWasm(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('not a WebAssembly binary (no \\0asm magic)');
  }
  const r = new Reader(bytes, 8);
  const out = { sections: [], imports: { functions: 0, globals: 0, memories: 0, tables: 0 }, functions: [],
                exports: [], names: new Map(), data: { segments: 0, bytes: 0 } };
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    const payload = r.pos;
    const end = payload + size;
    const section = { id, name: SECTION_NAMES[id] ?? `unknown ${id}`, offset: start, size: end - start, payload: size };
    const s = new Reader(bytes, payload, end);
    if (id === 0) {
      section.custom = s.name();
      if (section.custom === 'name') readNames(s, out.names);
    } else if (id === 2) {                   // imports
      for (let n = s.u32(); n > 0; n--) {
        s.name(); s.name();
        const kind = s.byte();
        if (kind === 0) { s.u32(); out.imports.functions++; }
        else if (kind === 1) { s.byte(); skipLimits(s); out.imports.tables++; }
        else if (kind === 2) { skipLimits(s); out.imports.memories++; }
        else if (kind === 3) { s.byte(); s.byte(); out.imports.globals++; }
        else if (kind === 4) { s.byte(); s.u32(); }
      }
    } else if (id === 7) {                   // exports
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name();
        const kind = s.byte();
        out.exports.push({ name, kind: EXPORT_KINDS[kind] ?? kind, index: s.u32() });
      }
    } else if (id === 10) {                  // code
      const count = s.u32();
      for (let i = 0; i < count; i++) {
        const bodySize = s.u32();
        out.functions.push({ index: out.imports.functions + i, bodySize, offset: s.pos });
        s.pos += bodySize;
      }
    } else if (id === 11) {                  // data
      const count = s.u32();
      out.data.segments = count;
      for (let i = 0; i < count; i++) {
        const flags = s.u32();
        if (flags === 0) s.skipInitExpr();
        else if (flags === 2) { s.u32(); s.skipInitExpr(); }
        const n = s.u32();
        out.data.bytes += n;
        s.pos += n;
      }
    }
    out.sections.push(section);
    r.pos = end;
  }
  return out;
}

// The "name" custom section's function names (subsection 1).
function readNames(s, names) {
  while (s.pos < s.end) {
    const sub = s.byte();
    const size = s.u32();
    const end = s.pos + size;
    if (sub === 1) {
      for (let n = s.u32(); n > 0; n--) {
        const index = s.u32();
        names.set(index, s.name());
      }
    }
    s.pos = end;
  }
}

// A key for a function body's bytes (to match functions between two builds
// of the same code, one with names): FNV-1a over the body, with its size.
export function bodyKey(bytes, fn) {
  let h = 0x811c9dc5;
  for (let i = fn.offset; i < fn.offset + fn.bodySize; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${fn.bodySize}:${h.toString(16)}`;
}
