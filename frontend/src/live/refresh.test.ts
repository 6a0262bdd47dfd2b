import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

vi.mock('../api/groups', () => ({ get: vi.fn(), list: vi.fn() }))
vi.mock('../api/live', () => ({ onChanged: vi.fn() }))
vi.mock('../health/week', () => ({ useWeek: () => ({ reloadWeeks: vi.fn(async () => undefined) }) }))

import * as groupsApi from '../api/groups'
import * as liveApi from '../api/live'
import { onLiveImport } from './refresh'

const groups = vi.mocked(groupsApi)
const live = vi.mocked(liveApi)
let changed: ((id: number, imported: number) => void) | null = null
let stopped = false

beforeEach(() => {
  vi.resetAllMocks()
  stopped = false
  live.onChanged.mockImplementation((cb) => {
    changed = cb
    return () => (stopped = true)
  })
})
afterEach(() => (changed = null))

describe('onLiveImport', () => {
  it('reloads a group’s page only when a poll of that group brought messages', async () => {
    const reload = vi.fn()
    const w = mount(defineComponent({ setup: () => (onLiveImport(() => 7, reload), () => h('div')) }))
    await flushPromises()
    changed!(7, 0) // a poll that brought nothing
    await flushPromises()
    expect(reload).not.toHaveBeenCalled()
    changed!(8, 3) // another group's poll
    await flushPromises()
    expect(reload).not.toHaveBeenCalled()
    changed!(7, 4)
    await flushPromises()
    expect(reload).toHaveBeenCalledTimes(1)
    // the poll says what it brought: no group is read to find out
    expect(groups.get).not.toHaveBeenCalled()
    expect(groups.list).not.toHaveBeenCalled()
    w.unmount()
    expect(stopped).toBe(true)
  })

  it('reloads the Overview when any group’s poll brought messages', async () => {
    const reload = vi.fn()
    mount(defineComponent({ setup: () => (onLiveImport(() => null, reload), () => h('div')) }))
    await flushPromises()
    changed!(2, 0)
    changed!(0, 0) // an alert dismissed
    await flushPromises()
    expect(reload).not.toHaveBeenCalled()
    changed!(2, 5)
    await flushPromises()
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
