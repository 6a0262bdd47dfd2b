import { describe, expect, it } from 'vitest'
import { useLatest } from './latest'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useLatest', () => {
  it('lands only the newest answer, whatever order the answers come in', async () => {
    const calls = [deferred<string>(), deferred<string>()]
    let n = 0
    const got: string[] = []
    const { loading, load } = useLatest(() => calls[n++].promise, (v) => got.push(v))
    const first = load()
    const second = load()
    expect(loading.value).toBe(true)
    calls[1].resolve('W11')
    await second
    calls[0].resolve('W10')
    await first
    expect(got).toEqual(['W11'])
    expect(loading.value).toBe(false)
  })

  it('drops an older call’s error and reports the newest one’s', async () => {
    const calls = [deferred<string>(), deferred<string>()]
    let n = 0
    const failed: unknown[] = []
    const { loadError, load } = useLatest(
      () => calls[n++].promise,
      () => {},
      (e) => failed.push(e),
    )
    const first = load()
    const second = load()
    calls[0].reject(new Error('old'))
    await first
    expect(loadError.value).toBeNull()
    calls[1].reject(new Error('new'))
    await second
    expect((loadError.value as Error).message).toBe('new')
    expect(failed).toHaveLength(1)
  })

  it('does nothing while there is nothing to load', async () => {
    const { loading, load } = useLatest(() => null, () => {
      throw new Error('applied')
    })
    await load()
    expect(loading.value).toBe(false)
  })
})
