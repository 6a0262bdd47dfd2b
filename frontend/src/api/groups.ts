import * as GroupService from '../../wailsjs/go/app/GroupService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import type { Deletion, Group, GroupInput, GroupOptions } from './types'

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
  return rows ?? []
}

export async function get(id: number): Promise<Group> {
  return call(() => GroupService.Get(id))
}

export async function create(input: GroupInput): Promise<Group> {
  return call(() => GroupService.Create(toInput(input)))
}

export async function update(id: number, input: GroupInput): Promise<Group> {
  return call(() => GroupService.Update(id, toInput(input)))
}

export async function options(): Promise<GroupOptions> {
  return call(() => GroupService.Options())
}

/** remove deletes a group with everything of it; typedName is the name the user typed to confirm. */
export async function remove(id: number, typedName: string): Promise<Deletion> {
  return call(() => GroupService.Delete(id, typedName))
}

/** removeDemo deletes the demo's groups, and nothing else. */
export async function removeDemo(): Promise<Deletion> {
  return call(() => GroupService.RemoveDemo())
}
