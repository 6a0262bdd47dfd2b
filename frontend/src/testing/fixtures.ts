// Shared test data for component and api tests: one definition of what the
// Go side returns, so a change to a DTO is made in one place.
import type { Group, GroupOptions } from '../api'

export const groupOptions: GroupOptions = {
  types: ['interest', 'service', 'resource'],
  profiles: ['education', 'ecommerce', 'industry'],
  timeZones: ['Asia/Shanghai', 'UTC'],
  defaultTimeZone: 'Asia/Shanghai',
  defaultCheckinWord: '打卡',
  maxNameLength: 64,
}

/** makeGroup returns a service group as Go would send it, with overrides. */
export function makeGroup(overrides: Partial<Group> = {}): Group {
  return {
    id: 1,
    name: '读书会',
    type: 'service',
    valueProposition: '',
    timeZone: 'Asia/Shanghai',
    staffAliases: [],
    profile: 'education',
    checkinWord: '打卡',
    targetSize: 0,
    members: 0,
    messages: 0,
    lastMessageAt: '',
    createdAt: '2024-05-06T20:30:00+08:00',
    updatedAt: '2024-05-06T20:30:00+08:00',
    ...overrides,
  }
}
