import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

vi.mock('../api/groups', () => ({ get: vi.fn(), list: vi.fn() }))
vi.mock('../api/live', () => ({ onChanged: vi.fn() }))
vi.mock('../health/week', () => ({ useWeek: () => ({ reloadWeeks: vi.fn(async () => undefined) }) }))

import * as groupsApi from '../api/groups'
import * as liveApi from '../api/live'
import type { Group } from '../api'
import { onLiveImport } from './refresh'

const groups = vi.mocked(groupsApi)
const live = vi.mocked(liveApi)
let changed: ((id: number) => void) | null = null
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

const withCount = (messages: number) => ({ id: 7, messages }) as Group

describe('onLiveImport', () => {
  it('reloads a group’s page only when a poll of that group brought messages', async () => {
    const reload = vi.fn()
    groups.get.mockResolvedValue(withCount(10))
    const w = mount(defineComponent({ setup: () => (onLiveImport(() => 7, reload), () => h('div')) }))
    await flushPromises()
    changed!(7) // a poll that brought nothing
    await flushPromises()
    expect(reload).not.toHaveBeenCalled()
    changed!(8) // another group's poll: not even asked
    await flushPromises()
    expect(groups.get).toHaveBeenCalledTimes(2)
    groups.get.mockResolvedValue(withCount(14))
    changed!(7)
    await flushPromises()
    expect(reload).toHaveBeenCalledTimes(1)
    w.unmount()
    expect(stopped).toBe(true)
  })

  it('reloads the Overview when any group’s messages changed', async () => {
    const reload = vi.fn()
    groups.list.mockResolvedValue([withCount(3), withCount(4)])
    mount(defineComponent({ setup: () => (onLiveImport(() => null, reload), () => h('div')) }))
    await flushPromises()
    groups.list.mockResolvedValue([withCount(3), withCount(9)])
    changed!(2)
    await flushPromises()
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
