import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, call, toApiError } from './errors'

afterEach(() => {
  delete (window as { go?: unknown }).go
})

describe('toApiError', () => {
  it.each([
    ['an object', { code: 'invalid', message: '群名称不能为空' }, 'invalid', '群名称不能为空'],
    ['a JSON string', '{"code":"conflict","message":"已有名为“读书会”的社群"}', 'conflict', '已有名为“读书会”的社群'],
    ['a plain string', 'something broke', 'internal', 'something broke'],
    ['a string that only looks like JSON', '{not json', 'internal', '{not json'],
    ['an unknown code', { code: 'teapot', message: 'short and stout' }, 'internal', 'short and stout'],
    ['nothing useful', 42, 'internal', ''],
  ])('reads %s', (_name, reason, code, message) => {
    const e = toApiError(reason)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe(code)
    expect(e.message).toBe(message)
  })

  it('says the backend is unavailable when window.go is missing', async () => {
    const err = (await call(() => {
      // what a generated binding does outside Wails
      const go = (window as unknown as { go: Record<string, never> }).go
      return go['app']
    }).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('unavailable')
  })

  it('keeps an Error thrown while the backend is bound as internal', () => {
    ;(window as { go?: unknown }).go = { app: {} }
    const e = toApiError(new Error('boom'))
    expect(e.code).toBe('internal')
    expect(e.message).toBe('boom')
  })
})
