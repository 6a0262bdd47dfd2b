import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NMessageProvider, NSelect } from 'naive-ui'

vi.mock('../api/groups', () => ({ list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), options: vi.fn() }))
vi.mock('../api/imports', () => ({
  chooseFile: vi.fn(),
  preview: vi.fn(),
  start: vi.fn(),
  history: vi.fn(),
  undo: vi.fn(),
  saveErrors: vi.fn(),
  onFileDrop: vi.fn(),
}))

import * as groupsApi from '../api/groups'
import * as importsApi from '../api/imports'
import { ApiError, type ImportPreview, type ImportProgress, type ImportResult } from '../api'
import { applyLocale, i18n } from '../i18n'
import ImportView from './ImportView.vue'
import { resetImportRun } from '../importRun'
import { makeBatch, makeGroup, makeImportResult, memberPreviewDTO } from '../testing/fixtures'

const groups = vi.mocked(groupsApi)
const api = vi.mocked(importsApi)

const memberPreview = memberPreviewDTO as ImportPreview

const Host = defineComponent({
  props: { initialGroup: { type: Number, default: null } },
  setup: (props) => () => h(NMessageProvider, null, { default: () => h(ImportView, { initialGroup: props.initialGroup }) }),
})

// transitions: run them for real (they end within a few frames here), so a
// closed dialog leaves the page; stubbed, it would stay.
async function show(initialGroup: number | null = null, { transitions = false } = {}) {
  const w = mount(Host, {
    props: { initialGroup: initialGroup ?? undefined },
    global: { plugins: [i18n], stubs: { RouterLink: { template: '<a><slot /></a>' }, ...(transitions ? { transition: false } : {}) } },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)
const text = (selector: string) => $(selector)?.textContent ?? ''

async function click(selector: string) {
  $(selector)!.click()
  await flushPromises()
}

async function typePath(value: string) {
  const input = $<HTMLInputElement>('[data-testid="import-path"] input')!
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

/** A job whose progress and end the test controls. */
function controlledJob() {
  let finish!: (r: ImportResult) => void
  let report: (p: ImportProgress) => void = () => {}
  const cancel = vi.fn(async () => {})
  api.start.mockImplementation(async (_req, onProgress) => {
    report = onProgress ?? report
    return { id: '1', done: new Promise<ImportResult>((r) => (finish = r)), cancel }
  })
  return { finish: (r: ImportResult) => finish(r), report: (p: ImportProgress) => report(p), cancel }
}

beforeEach(() => {
  vi.resetAllMocks()
  resetImportRun()
  applyLocale('zh-CN')
  groups.list.mockResolvedValue([makeGroup({ id: 1, name: '考研英语 1 群' }), makeGroup({ id: 2, name: '读书打卡交流群' })])
  api.history.mockResolvedValue([])
  api.onFileDrop.mockReturnValue(() => {})
})

afterEach(() => {
  document.body.innerHTML = ''
})

// Mounting Naive UI in happy-dom is slow on a busy machine; the steps themselves are quick.
describe('import screen', { timeout: 30000 }, () => {
  it('teaches how to export a group chat from each tool', async () => {
    const w = await show()
    expect(text('[data-testid="import-help"]')).toContain('怎样准备成员名单')
    expect(text('[data-testid="import-help-chat"]')).toContain('PyWxDump')
    await click('[data-testid="import-kind-chat"] input')
    const help = text('[data-testid="import-help"]')
    expect(help).not.toContain('怎样准备成员名单')
    for (const tool of ['WeChatMsg / 留痕', 'PyWxDump', 'chatlog', '手机多选，合并成文字', '企业微信会话存档', '自己整理的表格']) expect(help).toContain(tool)
    // each way opens its page of the guide, for the group chosen
    const links = [...document.body.querySelectorAll('[data-testid="import-guide-source"]')].map((a) => a.getAttribute('data-source'))
    expect(links).toEqual(['memotrace', 'pywxdump', 'chatlog', 'forward', 'wecom', 'sheet'])
    expect(help).toContain('如何导出聊天记录')
    expect($('[data-testid="import-format"]')!.textContent).toContain('自动识别')
    w.unmount()
  })

  it('opens on the group it was asked for and lists its history', async () => {
    api.history.mockResolvedValue([makeBatch(), makeBatch({ id: 11, kind: 'chat', format: 'memotrace', file: '群聊.csv', undoable: false })])
    const w = await show(2)
    expect(text('[data-testid="import-group"]')).toContain('读书打卡交流群')
    expect(api.history).toHaveBeenCalledWith(2)
    const rows = document.body.querySelectorAll('[data-testid="import-history-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('2024年5月6日 20:30')
    expect(rows[0].textContent).toContain('成员名单')
    expect(rows[1].textContent).toContain('WeChatMsg / MemoTrace')
    expect(document.body.querySelectorAll('[data-testid="import-undo"]')).toHaveLength(1)
    w.unmount()
  })

  it('previews a member list: encoding, rows as text, bad rows and the mapping', async () => {
    api.preview.mockResolvedValue(memberPreview)
    const w = await show(2)
    await typePath('/home/a/成员名单.csv')
    await click('[data-testid="import-preview-run"]')
    expect(api.preview).toHaveBeenCalledWith(expect.objectContaining({ groupId: 2, kind: 'members', path: '/home/a/成员名单.csv', mapping: {} }))
    const preview = text('[data-testid="import-preview"]')
    expect(preview).toContain('编码：GB18030')
    expect(preview).toContain('林知秋')
    expect(preview).toContain('2024年1月8日 20:00')
    expect(preview).toContain('管理员')
    expect(preview).toContain('活跃、老学员')
    expect(preview).toContain('第 7 行')
    expect(preview).toContain('完整名单')
    expect(preview).toContain('文件里没有的成员会被标记为已退群')
    // hostile data stays text
    expect(preview).toContain('<b>陈晓雨</b>')
    expect(document.body.querySelector('[data-testid="import-preview"] b')).toBeNull()
    expect(document.body.querySelectorAll('[data-testid="import-field"]')).toHaveLength(6)
    w.unmount()
  })

  it('imports with progress, then shows the counts and refreshes the history', async () => {
    api.preview.mockResolvedValue(memberPreview)
    const job = controlledJob()
    const w = await show(2)
    await typePath('/home/a/成员名单.csv')
    await click('[data-testid="import-preview-run"]')
    await click('[data-testid="import-roster"]')
    await click('[data-testid="import-start"]')
    expect(api.start).toHaveBeenCalledWith(expect.objectContaining({ roster: true, partial: false }), expect.any(Function))
    expect($('[data-testid="import-progress"]')).not.toBeNull()
    job.report({ done: 512, total: 2048 })
    await flushPromises()
    expect(text('[data-testid="import-progress"]')).toContain('512 B')
    expect(text('[data-testid="import-progress"]')).toContain('25%')
    // Another import holds the group: said, with the bytes read so far kept.
    job.report({ done: 0, total: 0, waiting: true })
    await flushPromises()
    expect(text('[data-testid="import-state"]')).toBe('另一个导入正在进行，完成后继续…')
    expect(text('[data-testid="import-progress"]')).toContain('512 B')
    job.report({ done: 1024, total: 2048 })
    await flushPromises()
    expect(text('[data-testid="import-state"]')).toBe('正在导入…')

    api.history.mockClear()
    job.finish(makeImportResult({ rows: 1234, imported: 1200, updated: 30, skippedDuplicates: 4 }))
    await flushPromises()
    expect($('[data-testid="import-progress"]')).toBeNull()
    const result = text('[data-testid="import-result"]')
    expect(result).toContain('1,234')
    expect(result).toContain('1,200')
    expect(text('[data-testid="import-count-skipped"]')).toContain('4')
    expect(result).toContain('第 7 行')
    expect(api.history).toHaveBeenCalledWith(2)

    api.saveErrors.mockResolvedValue('/home/a/errors.csv')
    await click('[data-testid="import-save-errors"]')
    expect(api.saveErrors).toHaveBeenCalledWith('member_list_excel_gbk.csv', [{ line: 7, reason: '这一行没有昵称、群昵称、微信号或备注' }])
    expect(text('[data-testid="import-errors-saved"]')).toContain('/home/a/errors.csv')
    w.unmount()
  })

  it('cancels a running import', async () => {
    api.preview.mockResolvedValue(memberPreview)
    const job = controlledJob()
    const w = await show(2)
    await typePath('/a.csv')
    await click('[data-testid="import-preview-run"]')
    await click('[data-testid="import-start"]')
    await click('[data-testid="import-cancel"]')
    expect(job.cancel).toHaveBeenCalled()
    job.finish(makeImportResult({ cancelled: true, imported: 0, errors: [], error: { code: 'internal', message: 'context canceled' } }))
    await flushPromises()
    expect(text('[data-testid="import-cancelled"]')).toContain('导入已取消')
    expect($('[data-testid="import-result"]')).toBeNull()
    expect($('[data-testid="import-error"]')).toBeNull()
    w.unmount()
  })

  it('keeps a running import on screen after leaving and coming back', async () => {
    api.preview.mockResolvedValue(memberPreview)
    const job = controlledJob()
    let w = await show(2)
    await typePath('/a.csv')
    await click('[data-testid="import-preview-run"]')
    await click('[data-testid="import-start"]')
    job.report({ done: 1024, total: 4096 })
    w.unmount()
    document.body.innerHTML = ''

    w = await show(1)
    expect(text('[data-testid="import-group"]')).toContain('读书打卡交流群')
    expect(text('[data-testid="import-progress"]')).toContain('1 KB / 4 KB')
    expect($('[data-testid="import-cancel"]')).not.toBeNull()
    api.history.mockClear()
    job.finish(makeImportResult({ imported: 42 }))
    await flushPromises()
    expect(text('[data-testid="import-count-imported"]')).toContain('42')
    expect(api.history).toHaveBeenCalledWith(2)
    w.unmount()
  })

  it('shows Go’s message when the preview or the import fails', async () => {
    api.preview.mockRejectedValueOnce(new ApiError('invalid', '无法识别这个文件的格式'))
    const w = await show(2)
    await typePath('/a.bin')
    await click('[data-testid="import-preview-run"]')
    expect(text('[data-testid="import-error"]')).toContain('无法识别这个文件的格式')

    api.preview.mockResolvedValue(memberPreview)
    const job = controlledJob()
    await click('[data-testid="import-preview-run"]')
    await click('[data-testid="import-start"]')
    job.finish(makeImportResult({ imported: 0, error: { code: 'invalid', message: '第 7 行无法读取，没有导入任何内容' } }))
    await flushPromises()
    expect(text('[data-testid="import-error"]')).toContain('第 7 行无法读取，没有导入任何内容')
    expect($('[data-testid="import-result"]')).toBeNull()
    w.unmount()
  })

  it('undoes the latest import after a confirmation and reloads the history', async () => {
    api.history.mockResolvedValueOnce([makeBatch()]).mockResolvedValueOnce([])
    api.undo.mockResolvedValue()
    const w = await show(2)
    await click('[data-testid="import-undo"]')
    expect(api.undo).not.toHaveBeenCalled()
    const confirm = [...document.body.querySelectorAll<HTMLButtonElement>('.n-popconfirm__action button')].find((b) => b.textContent?.includes('撤销'))!
    confirm.click()
    await flushPromises()
    expect(api.undo).toHaveBeenCalledWith(12)
    expect(text('[data-testid="import-undone"]')).toContain('member_list_excel_gbk.csv')
    expect(document.body.querySelectorAll('[data-testid="import-history-row"]')).toHaveLength(0)
    expect($('[data-testid="import-history-empty"]')).not.toBeNull()
    w.unmount()
  })

  it('lists a member merge as 合并成员 with its label, and undoes it in its own words', async () => {
    const merge = makeBatch({ id: 30, kind: 'merge', format: 'merge', file: '陈晓雨 ×8 → 陈晓雨', encoding: '', rows: 8, imported: 0, updated: 1, skippedDuplicates: 2 })
    api.history.mockResolvedValueOnce([merge, makeBatch({ undoable: false })]).mockResolvedValueOnce([makeBatch()])
    api.undo.mockResolvedValue()
    const w = await show(2)
    const row = $('[data-testid="import-history-row"][data-kind="merge"]')!
    expect(row.textContent).toContain('合并成员')
    expect(row.textContent).toContain('陈晓雨 ×8 → 陈晓雨')
    expect(row.textContent).not.toContain('merge')
    const undo = row.querySelector<HTMLButtonElement>('[data-testid="import-undo"]')!
    expect(undo.getAttribute('aria-label')).toBe('撤销成员合并“陈晓雨 ×8 → 陈晓雨”')
    undo.click()
    await flushPromises()
    expect(text('.n-popconfirm')).toContain('撤销这次合并？')
    const confirm = [...document.body.querySelectorAll<HTMLButtonElement>('.n-popconfirm__action button')].find((b) => b.textContent?.includes('撤销'))!
    confirm.click()
    await flushPromises()
    expect(api.undo).toHaveBeenCalledWith(30)
    expect(text('[data-testid="import-undone"]')).toContain('已撤销成员合并“陈晓雨 ×8 → 陈晓雨”')
    w.unmount()
  })
})

describe('a file dropped on the window', { timeout: 30000 }, () => {
  it('is previewed once the wizard has its groups, and taken only once', async () => {
    const { droppedFile } = await import('../desktop')
    api.preview.mockResolvedValue(memberPreview)
    droppedFile.value = '/home/li/成员名单.xlsx' // dropped on another screen, before the wizard opened
    const w = await show()
    expect(api.preview).toHaveBeenCalledWith(expect.objectContaining({ groupId: 1, path: '/home/li/成员名单.xlsx' }))
    expect(droppedFile.value).toBeNull()
    droppedFile.value = '/home/li/群聊.csv' // dropped while the wizard is open
    await flushPromises()
    expect(api.preview).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/home/li/群聊.csv' }))
    expect(api.preview).toHaveBeenCalledTimes(2)
    w.unmount()
  })
})

/** A chat export's preview as Go sends it. */
function chatPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    kind: 'chat',
    file: 'wechat_merged_forward_group.txt',
    format: 'wechat-text',
    encoding: 'UTF-8',
    header: [],
    fields: [],
    columns: ['line', 'sent_at', 'sender', 'kind', 'content'],
    rows: [['7', '2024-03-04T06:58:00+08:00', '陈晓雨', 'text', '打卡 Day12']],
    errors: [],
    looksLike: '',
    fileGroup: '',
    wallClock: true,
    timeZone: 'Asia/Shanghai',
    ...overrides,
  }
}

/** A preview of a file that is of the other kind: nothing of it was read. */
function otherKind(kind: 'members' | 'chat', looksLike: 'members' | 'chat', file: string): ImportPreview {
  return { ...chatPreview({ kind, file, looksLike }), format: '', encoding: '', columns: [], rows: [], wallClock: false, timeZone: '' }
}

/** closed waits for a dialog's leave transition (a few animation frames) to end. */
async function closed() {
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

describe('the import checks', { timeout: 30000 }, () => {
  it('says a chat export picked as a member list is a chat, and switches the kind with the same file', async () => {
    api.preview.mockResolvedValueOnce(otherKind('members', 'chat', '群聊.csv')).mockResolvedValueOnce(chatPreview({ file: '群聊.csv' }))
    const w = await show(2)
    await typePath('/home/a/群聊.csv')
    await click('[data-testid="import-preview-run"]')
    expect(text('[data-testid="import-looks-like"]')).toContain('这看起来是聊天记录，不是成员名单')
    expect(text('[data-testid="import-looks-like"]')).toContain('群聊.csv')
    expect($('[data-testid="import-start"]')).toBeNull()
    expect($('[data-testid="import-preview-table"]')).toBeNull()

    await click('[data-testid="import-switch-kind"]')
    expect(api.preview).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'chat', path: '/home/a/群聊.csv', format: 'auto' }))
    expect($<HTMLInputElement>('[data-testid="import-kind-chat"] input')!.checked).toBe(true)
    expect($('[data-testid="import-looks-like"]')).toBeNull()
    expect(text('[data-testid="import-preview"]')).toContain('打卡 Day12')
    expect($('[data-testid="import-start"]')).not.toBeNull()
    w.unmount()
  })

  it('says a member list picked as a chat export is a member list, and switches back', async () => {
    api.preview.mockResolvedValueOnce(otherKind('chat', 'members', '成员名单.csv')).mockResolvedValueOnce(memberPreview)
    const w = await show(2)
    await click('[data-testid="import-kind-chat"] input')
    await typePath('/home/a/成员名单.csv')
    await click('[data-testid="import-preview-run"]')
    expect(text('[data-testid="import-looks-like"]')).toContain('这看起来是成员名单，不是聊天记录')
    expect(text('[data-testid="import-switch-kind"]')).toContain('改为导入成员名单')
    await click('[data-testid="import-switch-kind"]')
    expect(api.preview).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'members', path: '/home/a/成员名单.csv' }))
    expect(text('[data-testid="import-preview"]')).toContain('林知秋')
    w.unmount()
  })

  it('asks before importing a chat whose title names another group, and imports only when told to', async () => {
    api.preview.mockResolvedValue(chatPreview({ fileGroup: '读书打卡交流群' }))
    const job = controlledJob()
    const w = await show(1, { transitions: true }) // 考研英语 1 群
    await click('[data-testid="import-kind-chat"] input')
    await typePath('/home/a/转发.txt')
    await click('[data-testid="import-preview-run"]')
    expect(text('[data-testid="import-other-group"]')).toContain('文件里的群名是“读书打卡交流群”，不是“考研英语 1 群”')

    await click('[data-testid="import-start"]')
    expect(text('[data-testid="import-group-confirm"]')).toContain('文件里的群名是“读书打卡交流群”，要导入到“考研英语 1 群”吗？')
    expect(api.start).not.toHaveBeenCalled()
    await click('[data-testid="import-group-no"]')
    await closed()
    expect($('[data-testid="import-group-confirm"]')).toBeNull()
    expect(api.start).not.toHaveBeenCalled()

    await click('[data-testid="import-start"]')
    await click('[data-testid="import-group-yes"]')
    await closed()
    expect($('[data-testid="import-group-confirm"]')).toBeNull()
    expect(api.start).toHaveBeenCalledTimes(1)
    expect(api.start).toHaveBeenCalledWith(expect.objectContaining({ groupId: 1, kind: 'chat', anyGroup: true }), expect.any(Function))
    job.finish(makeImportResult({ imported: 36 }))
    await flushPromises()
    expect(text('[data-testid="import-count-imported"]')).toContain('36')
    w.unmount()
  })

  it('asks again when the import itself is refused for another group, then retries with the answer', async () => {
    api.preview.mockResolvedValue(chatPreview())
    const w = await show(1)
    await click('[data-testid="import-kind-chat"] input')
    await typePath('/home/a/转发.txt')
    await click('[data-testid="import-preview-run"]')
    expect($('[data-testid="import-other-group"]')).toBeNull()
    const refused = makeImportResult({ imported: 0, errors: [], fileGroup: '别的群', error: { code: 'invalid', message: '转发.txt 里的群名是“别的群”，不是“考研英语 1 群”，没有导入' } })
    api.start.mockResolvedValueOnce({ id: '1', done: Promise.resolve(refused), cancel: vi.fn() })
    api.start.mockResolvedValueOnce({ id: '2', done: Promise.resolve(makeImportResult({ imported: 5 })), cancel: vi.fn() })
    await click('[data-testid="import-start"]')
    expect(api.start).toHaveBeenLastCalledWith(expect.objectContaining({ anyGroup: false }), expect.any(Function))
    expect(text('[data-testid="import-group-confirm"]')).toContain('文件里的群名是“别的群”，要导入到“考研英语 1 群”吗？')
    await click('[data-testid="import-group-yes"]')
    expect(api.start).toHaveBeenLastCalledWith(expect.objectContaining({ anyGroup: true }), expect.any(Function))
    expect(text('[data-testid="import-count-imported"]')).toContain('5')
    w.unmount()
  })

  it('offers whose local time a wall-clock export is, defaulting to the group’s, and reads the file again in the one chosen', async () => {
    groups.options.mockResolvedValue({ types: [], profiles: [], timeZones: ['Asia/Shanghai', 'Europe/London', 'America/New_York'], defaultTimeZone: 'Asia/Shanghai', defaultCheckinWord: '打卡', backupBeforeDelete: true })
    api.preview.mockResolvedValue(chatPreview())
    const job = controlledJob()
    const w = await show(2)
    await click('[data-testid="import-kind-chat"] input')
    await typePath('/home/a/转发.txt')
    await click('[data-testid="import-preview-run"]')
    expect(api.preview).toHaveBeenLastCalledWith(expect.objectContaining({ tz: '' }))
    const select = w.findAllComponents(NSelect).find((c) => c.attributes('data-testid') === 'import-tz')!
    expect(text('[data-testid="import-tz"]')).toContain('社群所在地的时间（北京时间 UTC+8）')
    const labels = (select.props('options') as { label: string; value: string }[]).map((o) => o.label)
    expect(labels.map((l) => l.replace(/ UTC[+-][\d:]+/, ''))).toEqual(['社群所在地的时间（北京时间）', '伦敦时间', '纽约时间'])
    expect(labels[1]).toMatch(/^伦敦时间 UTC\+[01]$/)
    expect(labels.join()).not.toMatch(/Europe|America|Asia/)

    select.vm.$emit('update:value', 'Europe/London')
    await flushPromises()
    expect(api.preview).toHaveBeenCalledTimes(2)
    expect(api.preview).toHaveBeenLastCalledWith(expect.objectContaining({ tz: 'Europe/London', path: '/home/a/转发.txt' }))
    await click('[data-testid="import-start"]')
    expect(api.start).toHaveBeenCalledWith(expect.objectContaining({ tz: 'Europe/London' }), expect.any(Function))
    job.finish(makeImportResult())
    await flushPromises()
    w.unmount()
  })

  it('offers no time zone for exports that carry instants', async () => {
    api.preview.mockResolvedValue(chatPreview({ format: 'memotrace', wallClock: false }))
    const w = await show(2)
    await click('[data-testid="import-kind-chat"] input')
    await typePath('/home/a/群聊.csv')
    await click('[data-testid="import-preview-run"]')
    expect($('[data-testid="import-preview-table"]')).not.toBeNull()
    expect($('[data-testid="import-tz"]')).toBeNull()
    w.unmount()
  })
})
