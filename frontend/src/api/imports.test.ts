import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('../../wailsjs/go/app/ImportService', () => ({
  ChooseFile: vi.fn(),
  Preview: vi.fn(),
  Start: vi.fn(),
  Cancel: vi.fn(),
  History: vi.fn(),
  Undo: vi.fn(),
  SaveErrors: vi.fn(),
}))

vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn(),
  OnFileDrop: vi.fn(),
  OnFileDropOff: vi.fn(),
}))

import * as ImportService from '../../wailsjs/go/app/ImportService'
import * as runtime from '../../wailsjs/runtime/runtime'
import { ApiError, imports, type ImportRequest } from './index'
import { makeBatch, makeImportResult, memberPreviewDTO } from '../testing/fixtures'

const bound = vi.mocked(ImportService)
const rt = vi.mocked(runtime)

const req: ImportRequest = {
  groupId: 3,
  kind: 'members',
  path: '  /home/a/成员名单.csv ',
  format: 'auto',
  partial: true,
  roster: true,
  mapping: { 序号: 'extra' },
}

/** A fake Wails event bus: EventsOn registers, emit delivers, off removes. */
function eventBus() {
  const listeners = new Map<string, ((...data: unknown[]) => void)[]>()
  const offs: string[] = []
  rt.EventsOn.mockImplementation((name: string, cb: (...data: unknown[]) => void) => {
    listeners.set(name, [...(listeners.get(name) ?? []), cb])
    return () => {
      offs.push(name)
      listeners.set(
        name,
        (listeners.get(name) ?? []).filter((c) => c !== cb),
      )
    }
  })
  return {
    emit: (name: string, payload: unknown) => (listeners.get(name) ?? []).forEach((cb) => cb(payload)),
    count: (name: string) => (listeners.get(name) ?? []).length,
    offs,
  }
}

beforeEach(() => {
  vi.resetAllMocks()
})

afterEach(() => {
  delete (window as { runtime?: unknown }).runtime
})

describe('imports api', () => {
  it('sends a plain request: trimmed path, no chat format for members, a copy of the mapping', async () => {
    bound.Preview.mockResolvedValue(memberPreviewDTO as never)
    const p = await imports.preview(req)
    const sent = bound.Preview.mock.calls[0][0]
    expect(sent).toEqual({
      jobId: '',
      groupId: 3,
      kind: 'members',
      path: '/home/a/成员名单.csv',
      format: '',
      partial: true,
      roster: true,
      mapping: { 序号: 'extra' },
      tz: '',
      anyGroup: false,
    })
    expect(sent.mapping).not.toBe(req.mapping)
    expect(p.encoding).toBe('GB18030')
    expect(p.header[1]).toBe('昵称')
    expect(p.rows[0]).toContain('林知秋')
  })

  it('sends the chat format and never a roster or mapping for chat', async () => {
    bound.Preview.mockResolvedValue({ kind: 'chat', header: null, fields: null, columns: null, rows: null, errors: null } as never)
    const p = await imports.preview({ ...req, kind: 'chat', format: '' })
    expect(bound.Preview.mock.calls[0][0]).toMatchObject({ kind: 'chat', format: 'auto', roster: false, mapping: {} })
    expect(p).toMatchObject({ kind: 'chat', header: [], fields: [], columns: [], rows: [], errors: [] })
  })

  it('sends the time zone and the group answer for chat only, and reads what the checks found', async () => {
    bound.Preview.mockResolvedValue({ ...memberPreviewDTO, kind: 'chat', looksLike: 'members', fileGroup: '读书打卡交流群', wallClock: true, timeZone: 'Europe/London' } as never)
    const p = await imports.preview({ ...req, kind: 'chat', tz: 'Europe/London', anyGroup: true })
    expect(bound.Preview.mock.calls[0][0]).toMatchObject({ kind: 'chat', tz: 'Europe/London', anyGroup: true })
    expect(p).toMatchObject({ looksLike: 'members', fileGroup: '读书打卡交流群', wallClock: true, timeZone: 'Europe/London' })

    bound.Preview.mockResolvedValue({ ...memberPreviewDTO, looksLike: 'something else', fileGroup: null } as never)
    const m = await imports.preview({ ...req, tz: 'Europe/London', anyGroup: true })
    expect(bound.Preview.mock.calls[1][0]).toMatchObject({ kind: 'members', tz: '', anyGroup: false })
    expect(m).toMatchObject({ looksLike: '', fileGroup: '', wallClock: false })
  })

  it('listens to the job’s events before asking Go to start, with the id it sends', async () => {
    const bus = eventBus()
    let eventsBeforeStart = -1
    bound.Start.mockImplementation(async (r) => {
      eventsBeforeStart = rt.EventsOn.mock.calls.length
      // Even an event sent before Start answers is heard.
      bus.emit('import:progress:' + r.jobId, { done: 512, total: 2048 })
      return r.jobId
    })
    const progress = vi.fn()
    const job = await imports.start(req, progress)
    const sentId = bound.Start.mock.calls[0][0].jobId
    expect(sentId).toBeTruthy()
    expect(job.id).toBe(sentId)
    expect(eventsBeforeStart).toBe(2)
    expect(rt.EventsOn.mock.calls.map((c) => c[0]).sort()).toEqual(['import:done:' + sentId, 'import:progress:' + sentId])
    expect(progress).toHaveBeenCalledWith({ done: 512, total: 2048 })
  })

  it('passes on that the job waits for another import', async () => {
    const bus = eventBus()
    bound.Start.mockImplementation(async (r) => r.jobId)
    const progress = vi.fn()
    const job = await imports.start(req, progress)
    bus.emit('import:progress:' + job.id, { waiting: true })
    bus.emit('import:progress:' + job.id, { done: 10, total: 20 })
    expect(progress.mock.calls.map((c) => c[0])).toEqual([
      { done: 0, total: 0, waiting: true },
      { done: 10, total: 20 },
    ])
  })

  it('catches a done event sent before Start answers', async () => {
    const bus = eventBus()
    bound.Start.mockImplementation(async (r) => {
      bus.emit('import:done:' + r.jobId, { ...makeImportResult(), errors: null, error: null })
      return r.jobId
    })
    const job = await imports.start(req)
    const r = await job.done
    expect(r.imported).toBe(9)
    expect(r.errors).toEqual([])
  })

  it('reads the group a refused import’s file names', async () => {
    const bus = eventBus()
    bound.Start.mockImplementation(async (r) => {
      bus.emit('import:done:' + r.jobId, { file: 'a.txt', fileGroup: '读书打卡交流群', error: { code: 'invalid', message: '没有导入' } })
      return r.jobId
    })
    const r = await (await imports.start({ ...req, kind: 'chat' })).done
    expect(r).toMatchObject({ fileGroup: '读书打卡交流群', error: { code: 'invalid', message: '没有导入' } })
  })

  it('gives every job its own id', async () => {
    eventBus()
    bound.Start.mockImplementation(async (r) => r.jobId)
    const a = await imports.start(req)
    const b = await imports.start(req)
    expect(a.id).not.toBe(b.id)
  })

  it('stops listening once the job is done and ignores later events', async () => {
    const bus = eventBus()
    bound.Start.mockImplementation(async (r) => r.jobId)
    const progress = vi.fn()
    const job = await imports.start(req, progress)
    expect(bus.count('import:done:' + job.id)).toBe(1)
    bus.emit('import:done:' + job.id, makeImportResult({ rows: 3 }))
    expect((await job.done).rows).toBe(3)
    expect(bus.offs.sort()).toEqual(['import:done:' + job.id, 'import:progress:' + job.id])
    expect(bus.count('import:done:' + job.id) + bus.count('import:progress:' + job.id)).toBe(0)
    bus.emit('import:progress:' + job.id, { done: 1, total: 1 })
    expect(progress).not.toHaveBeenCalled()
  })

  it('reads a failed or cancelled job from the done event', async () => {
    const bus = eventBus()
    bound.Start.mockImplementation(async (r) => r.jobId)
    const job = await imports.start(req)
    bus.emit('import:done:' + job.id, { cancelled: true, error: { code: 'invalid', message: '导入已取消' } })
    expect(await job.done).toMatchObject({ cancelled: true, error: { code: 'invalid', message: '导入已取消' }, imported: 0 })
  })

  it('cancels the job by its id', async () => {
    eventBus()
    bound.Start.mockImplementation(async (r) => r.jobId)
    bound.Cancel.mockResolvedValue(undefined as never)
    const job = await imports.start(req)
    await job.cancel()
    expect(bound.Cancel).toHaveBeenCalledWith(job.id)
  })

  it('turns a refused Start into an ApiError and stops listening', async () => {
    const bus = eventBus()
    bound.Start.mockRejectedValue({ code: 'not_found', message: '找不到编号为 3 的社群' })
    const err = (await imports.start(req).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('not_found')
    expect(err.message).toBe('找不到编号为 3 的社群')
    expect(bus.offs.length).toBe(2)
  })

  it('turns a refused preview into an ApiError with Go’s message', async () => {
    bound.Preview.mockRejectedValue('{"code":"invalid","message":"无法识别这个文件的格式"}')
    await expect(imports.preview(req)).rejects.toMatchObject({ code: 'invalid', message: '无法识别这个文件的格式' })
    await expect(imports.preview(req)).rejects.toBeInstanceOf(ApiError)
  })

  it('lists the history, undoes a batch and saves bad rows', async () => {
    bound.History.mockResolvedValueOnce([makeBatch()] as never).mockResolvedValueOnce(null as never)
    expect((await imports.history(3))[0]).toEqual(makeBatch())
    expect(await imports.history(3)).toEqual([])
    expect(bound.History).toHaveBeenCalledWith(3)

    bound.Undo.mockResolvedValue(undefined as never)
    await imports.undo(12)
    expect(bound.Undo).toHaveBeenCalledWith(12)

    bound.SaveErrors.mockResolvedValue('/home/a/x.errors.csv')
    const rows = [{ line: 4, reason: '没有昵称' }]
    expect(await imports.saveErrors('x.csv', rows)).toBe('/home/a/x.errors.csv')
    expect(bound.SaveErrors).toHaveBeenCalledWith('x.csv', rows)
  })

  it('gives an empty path when the file dialog is cancelled', async () => {
    bound.ChooseFile.mockResolvedValue('')
    expect(await imports.chooseFile('chat')).toBe('')
    expect(bound.ChooseFile).toHaveBeenCalledWith('chat')
  })

  it('does nothing for dropped files outside the desktop window', () => {
    const off = imports.onFileDrop(vi.fn())
    off()
    expect(rt.OnFileDrop).not.toHaveBeenCalled()
    expect(rt.OnFileDropOff).not.toHaveBeenCalled()
  })

  it('hands over the paths of files dropped on the window', () => {
    ;(window as { runtime?: unknown }).runtime = { OnFileDrop: () => {} }
    const got = vi.fn()
    const off = imports.onFileDrop(got)
    const cb = rt.OnFileDrop.mock.calls[0][0]
    cb(10, 20, ['/home/a/群聊.csv'])
    expect(got).toHaveBeenCalledWith(['/home/a/群聊.csv'])
    off()
    expect(rt.OnFileDropOff).toHaveBeenCalled()
  })
})
