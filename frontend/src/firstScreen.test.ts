import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('./api/system', () => ({ firstScreen: vi.fn() }))

import * as systemApi from './api/system'

const sys = vi.mocked(systemApi)

// A fresh module per test: only the first call of a start counts.
async function fresh() {
  vi.resetModules()
  return (await import('./firstScreen')).firstScreenDrawn
}

describe('firstScreenDrawn', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] })
    sys.firstScreen.mockReset()
    sys.firstScreen.mockResolvedValue(undefined)
  })
  afterEach(() => vi.useRealTimers())

  it('tells Go once, after the next frame is painted, whichever screen comes first', async () => {
    const drawn = await fresh()
    drawn('welcome')
    expect(sys.firstScreen).not.toHaveBeenCalled() // not before the frame
    vi.advanceTimersToNextFrame()
    vi.runAllTimers()
    expect(sys.firstScreen).toHaveBeenCalledExactlyOnceWith('welcome')
    drawn('overview') // the demo opened later: not a start
    vi.advanceTimersToNextFrame()
    vi.runAllTimers()
    expect(sys.firstScreen).toHaveBeenCalledTimes(1)
  })

  it('never fails the screen when Go cannot be told', async () => {
    const drawn = await fresh()
    sys.firstScreen.mockRejectedValue(new Error('no Go side'))
    drawn('overview')
    vi.advanceTimersToNextFrame()
    expect(() => vi.runAllTimers()).not.toThrow()
    await Promise.resolve()
    expect(sys.firstScreen).toHaveBeenCalledExactlyOnceWith('overview')
  })
})
