import * as GroupService from '../../wailsjs/go/app/GroupService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import type { Deletion, Group, GroupInput, GroupOptions } from './types'

function toGroup(d: app.GroupDTO): Group {
  return {
    id: d.id,
    name: d.name ?? '',
    type: d.type ?? '',
    valueProposition: d.valueProposition ?? '',
    timeZone: d.timeZone ?? '',
    staffAliases: [...(d.staffAliases ?? [])],
    profile: d.profile ?? '',
    checkinWord: d.checkinWord ?? '',
    targetSize: d.targetSize ?? 0,
    members: d.members ?? 0,
    messages: d.messages ?? 0,
    lastMessageAt: d.lastMessageAt ?? '',
    createdAt: d.createdAt ?? '',
    updatedAt: d.updatedAt ?? '',
    demo: d.demo ?? false,
  }
}

function toDeletion(d: app.DeletionDTO): Deletion {
  return { groups: [...(d.groups ?? [])], members: d.members ?? 0, messages: d.messages ?? 0, backup: d.backup ?? '' }
}

// A plain copy: the form hands in reactive objects, Go wants exactly these fields.
function toInput(i: GroupInput): app.GroupInputDTO {
  return {
    name: i.name,
    type: i.type,
    valueProposition: i.valueProposition,
    timeZone: i.timeZone,
    staffAliases: [...i.staffAliases],
    profile: i.profile,
    checkinWord: i.checkinWord,
    targetSize: i.targetSize,
  }
}

export async function list(): Promise<Group[]> {
  const rows = await call(() => GroupService.List())
  return (rows ?? []).map(toGroup)
}

export async function get(id: number): Promise<Group> {
  return toGroup(await call(() => GroupService.Get(id)))
}

export async function create(input: GroupInput): Promise<Group> {
  return toGroup(await call(() => GroupService.Create(toInput(input))))
}

export async function update(id: number, input: GroupInput): Promise<Group> {
  return toGroup(await call(() => GroupService.Update(id, toInput(input))))
}

export async function options(): Promise<GroupOptions> {
  const o = await call(() => GroupService.Options())
  return {
    types: [...(o.types ?? [])],
    profiles: [...(o.profiles ?? [])],
    timeZones: [...(o.timeZones ?? [])],
    defaultTimeZone: o.defaultTimeZone ?? '',
    defaultCheckinWord: o.defaultCheckinWord ?? '',
    maxNameLength: o.maxNameLength ?? 0,
    backupBeforeDelete: o.backupBeforeDelete ?? true,
  }
}

/** remove deletes a group with everything of it; typedName is the name the user typed to confirm. */
export async function remove(id: number, typedName: string): Promise<Deletion> {
  return toDeletion(await call(() => GroupService.Delete(id, typedName)))
}

/** removeDemo deletes the demo's groups, and nothing else. */
export async function removeDemo(): Promise<Deletion> {
  return toDeletion(await call(() => GroupService.RemoveDemo()))
}
