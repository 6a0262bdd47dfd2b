// Plain Chinese on screen (issue 20, docs/ux.md "Feel"): the zh-CN window shows
// no developer words — no field keys, i18n keys, JSON, command-line flags,
// time-zone ids or English role names. plainOffenders lists what a text shows
// that a Chinese operator should not have to read; the allowlist below is the
// one place a Latin word is allowed, each with its reason.

/** Latin words the zh-CN window may show, and why. */
export const allowed: Record<string, string> = {
  // the tools and products the operator actually uses, by the names on their own screens
  Excel: 'the spreadsheet program the operator opens',
  WPS: 'the Chinese office suite, named so on its own icon',
  PostgreSQL: 'the team database the IT colleague installs; it has no Chinese name',
  Windows: 'the operating system, named so on the computer',
  // chat-export tools, named as on their own windows (the import page and its guide)
  WeChatMsg: 'tool name', MemoTrace: 'tool name (留痕)', PyWxDump: 'tool name', chatlog: 'tool name (WeChat 4.x)',
  // file types, as the operator sees them in a save dialog
  CSV: 'file type in every save dialog',
  XLSX: 'file type',
  xlsx: 'file type as written in a file name',
  PDF: 'file type in the print dialog',
  HTML: 'file type of the saved report',
  'UTF-8': 'the encoding Excel and Notepad offer by this name',
  GBK: 'the encoding Chinese Excel writes, offered by this name',
  GB18030: 'the encoding Chinese Excel writes, offered by this name',
  // units and labels people read as words
  KB: 'unit', MB: 'unit', B: 'unit (bytes)', A4: 'paper size', UTC: 'time offset, as in 北京时间 UTC+8',
  // keys on the keyboard
  Ctrl: 'keyboard key', Shift: 'keyboard key', Command: 'keyboard key (Mac)', S: 'keyboard key (Ctrl+S)',
  // the language switch names each language in its own words
  English: 'the language choice, in its own language',
}

/**
 * The export guide (ExportGuideView) walks the operator through other tools'
 * screens, so it may name what those screens show — and nothing else.
 */
export const exportGuideAllowed: Record<string, string> = {
  HTTP: 'a menu item of chatlog, read off its screen', data: 'folder MemoTrace writes', wxdump_work: 'folder PyWxDump writes',
  Amy: 'example name', Chen: 'example name', Amy_Chen: 'example name as the export writes it', Day12: 'example message text',
}

/** File extensions as the operator sees them at the end of a file name (以 .csv 结尾). */
const extensions = /\.(csv|xlsx|xls|json|jsonl|txt|ics|db|key|pdf|html)\b/g
// a connection address the operator types in team mode (postgres://用户:密码@主机:5432/数据库)
const connection = /postgres:\/\/\S*/g

/** plainOffenders lists the developer words in text (one rendered screen, or one message). */
export function plainOffenders(text: string, extra: Record<string, string> = {}): string[] {
  const out = new Set<string>()
  let s = text.replace(extensions, ' ').replace(connection, ' ')
  // versions (微信 4.x) and a Windows drive (D:\导出) are read as written
  s = s.replace(/\b\d+\.x\b/g, ' ').replace(/\b[A-Z]:\\/g, ' ')
  // JSON, command-line flags, dotted keys and snake_case keys, whatever their words
  for (const m of s.matchAll(/\{\s*"[^"]*"\s*:|--[a-z][\w-]*|\b[a-z]+(?:\.[a-zA-Z_]\w*)+\b|\b[a-z]+_[a-z_]+\b/g)) {
    if (!(m[0] in allowed || m[0] in extra)) out.add(m[0])
  }
  s = s.replace(/--[a-z][\w-]*/g, ' ')
  for (const m of s.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*/g)) {
    const w = m[0]
    if (w in allowed || w in extra) continue
    out.add(w)
  }
  return [...out]
}
