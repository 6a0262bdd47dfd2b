import type { Group, GroupInput, GroupOptions, GroupType, Profile } from './api'
import { options } from './options'

/**
 * defaultProfileFor is Go's domain.DefaultProfile, sent in the options: the
 * benchmark profile a new group of type t starts with. Go applies the same
 * default when the profile is empty.
 */
export function defaultProfileFor(type: GroupType): Profile {
  return options().defaults.profiles[type] ?? ''
}

/** The form's starting values: the group being edited, or the defaults of Options(). */
export function formValues(group: Group | null, options: GroupOptions): GroupInput {
  if (group) {
    return {
      name: group.name,
      type: group.type,
      valueProposition: group.valueProposition,
      timeZone: group.timeZone,
      staffAliases: [...group.staffAliases],
      profile: group.profile,
      checkinWord: group.checkinWord,
      targetSize: group.targetSize,
    }
  }
  const type = options.types[0] ?? 'interest'
  return {
    name: '',
    type,
    valueProposition: '',
    timeZone: options.defaultTimeZone,
    staffAliases: [],
    profile: defaultProfileFor(type),
    checkinWord: options.defaultCheckinWord,
    targetSize: 0,
  }
}
